package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratedKeyPairFileTest {

    @TempDir
    Path dataFolder;

    @ParameterizedTest
    @CsvSource({"RS256, signing-key-rs256.pem", "PS256, signing-key-ps256.pem", "ES256, signing-key-es256.pem",
            "ES384, signing-key-es384.pem", "ES512, signing-key-es512.pem"})
    void generatesAnOwnerOnlyKeyPairFittingTheAlgorithmOnceAndReusesIt(String algorithm, String fileName) throws Exception {
        JWSAlgorithm parsed = JWSAlgorithm.parse(algorithm);
        Path folder = dataFolder.resolve("data");

        JWK key = new GeneratedKeyPairFile(folder, parsed).readOrCreate();

        Path file = folder.resolve(fileName);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN PUBLIC KEY-----");
        assertThat(key.isPrivate()).isTrue();
        if (algorithm.startsWith("ES")) {
            assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.forJWSAlgorithm(parsed).iterator().next());
        } else {
            assertThat(((RSAKey) key).size()).isGreaterThanOrEqualTo(2048);
        }
        assertThat(new GeneratedKeyPairFile(folder, parsed).readOrCreate().computeThumbprint())
                .isEqualTo(key.computeThumbprint());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void processesStartingAtOnceAllUseTheSameKey() throws Exception {
        int starters = 6;
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<String>> kids = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                kids.add(pool.submit(() -> {
                    together.await();
                    return new GeneratedKeyPairFile(dataFolder, JWSAlgorithm.ES256).readOrCreate().computeThumbprint().toString();
                }));
            }
            String first = kids.get(0).get();
            for (Future<String> kid : kids) {
                assertThat(kid.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(dataFolder)) {
            assertThat(files).as("no temporary file is left behind").hasSize(1);
        }
    }

    @Test
    void refusesACorruptOrForeignFileWithoutShowingIt() throws IOException {
        Path file = dataFolder.resolve(GeneratedKeyPairFile.fileName(JWSAlgorithm.ES256));
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatIllegalStateException()
                .isThrownBy(() -> new GeneratedKeyPairFile(dataFolder, JWSAlgorithm.ES256).readOrCreate())
                .withMessageContaining(file.toString())
                .withMessageContaining("corrupt")
                .withMessageNotContaining("bm90IGEga2V5");

        Files.writeString(file, TestKeys.resource("ec-p384-pkcs8.pem"));
        assertThatIllegalStateException()
                .isThrownBy(() -> new GeneratedKeyPairFile(dataFolder, JWSAlgorithm.ES256).readOrCreate())
                .withMessageContaining("not a ES256 key");
    }

    @Test
    void explainsWhenTheDataFolderCannotBeMade() throws IOException {
        Path notAFolder = Files.writeString(dataFolder.resolve("occupied"), "a file");

        assertThatIllegalStateException()
                .isThrownBy(() -> new GeneratedKeyPairFile(notAFolder.resolve("data"), JWSAlgorithm.PS256).readOrCreate())
                .withMessageContaining("auth.signing-key");
    }
}
