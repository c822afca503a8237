package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code keys generate}: a private key file for the operator, the public JWK for everyone. */
class GeneratedKeyPairTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "PS256", "ES256", "ES512"})
    void printsExactlyThePublicJwkThatTheServiceWillPublish(String algorithm) throws Exception {
        GeneratedKeyPair pair = GeneratedKeyPair.generate(algorithm, Optional.empty());
        Path file = folder.resolve("new-key.pem");

        pair.writePrivateKey(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SigningKeys configured = TestKeys.load(algorithm, file.toString(), Optional.empty(), Optional.empty());
        Map<String, Object> printed = JSONObjectUtils.parse(pair.publicJwk());
        assertThat(printed).isEqualTo(Map.copyOf(configured.published().orElseThrow().keys().get(0)));
        assertThat(printed).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi").containsEntry("use", "sig")
                .containsEntry("alg", algorithm);
    }

    @Test
    void usesAGivenKeyId() throws Exception {
        GeneratedKeyPair pair = GeneratedKeyPair.generate("ES256", Optional.of("2026-02"));

        assertThat(JSONObjectUtils.parse(pair.publicJwk())).containsEntry("kid", "2026-02");
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        Path existing = Files.writeString(folder.resolve("precious.pem"), "keep me");

        assertThatThrownBy(() -> GeneratedKeyPair.generate("ES256", Optional.empty()).writePrivateKey(existing))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(existing);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "PS384", "EdDSA", "es256"})
    void makesKeyPairsForTheContractsKeyPairAlgorithmsOnly(String algorithm) {
        assertThatIllegalArgumentException().isThrownBy(() -> GeneratedKeyPair.generate(algorithm, Optional.empty()))
                .withMessageContaining(algorithm);
    }
}
