package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.HandMadeTokens.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretFileTest {

    @TempDir
    Path dataFolder;

    @Test
    void generatesAnOwnerOnlySecretOnceAndReusesIt() throws IOException {
        Path folder = dataFolder.resolve("data");

        String secret = new GeneratedSecretFile(folder).readOrCreate();

        Path file = folder.resolve(GeneratedSecretFile.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(secret).matches("[A-Za-z0-9_-]{86}");
        assertThat(new GeneratedSecretFile(folder).readOrCreate()).isEqualTo(secret);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void makesASecretLongEnoughForEveryHmacAlgorithm() {
        String secret = new GeneratedSecretFile(dataFolder).readOrCreate();

        new NimbusTokenCodec(keys("HS512", secret), Optional.empty(), Optional.empty());
    }

    @Test
    void processesStartingAtOnceAllUseTheSameSecret() throws Exception {
        int starters = 8;
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<String>> secrets = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                secrets.add(pool.submit(() -> {
                    together.await();
                    return new GeneratedSecretFile(dataFolder).readOrCreate();
                }));
            }
            String first = secrets.get(0).get();
            for (Future<String> secret : secrets) {
                assertThat(secret.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(dataFolder.resolve(GeneratedSecretFile.FILE_NAME))).isEqualTo(
                new GeneratedSecretFile(dataFolder).readOrCreate());
        try (Stream<Path> files = Files.list(dataFolder)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        }
    }

    @Test
    void refusesACorruptFileWithoutShowingIt() throws IOException {
        Files.writeString(dataFolder.resolve(GeneratedSecretFile.FILE_NAME), "too-short-to-be-ours");

        assertThatIllegalStateException()
                .isThrownBy(() -> new GeneratedSecretFile(dataFolder).readOrCreate())
                .withMessageContaining(dataFolder.resolve(GeneratedSecretFile.FILE_NAME).toString())
                .withMessageContaining("corrupt")
                .withMessageNotContaining("too-short-to-be-ours");
    }

    @Test
    void explainsWhenTheDataFolderCannotBeMade() throws IOException {
        Path notAFolder = Files.writeString(dataFolder.resolve("occupied"), "a file");

        assertThatIllegalStateException()
                .isThrownBy(() -> new GeneratedSecretFile(notAFolder.resolve("data")).readOrCreate())
                .withMessageContaining("auth.signing-key");
    }
}
