package io.jwtauth.adapter.crypto;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator configured about token keys (see docs/configuration.md): the algorithm, the signing key (an HS
 * secret, or a PEM private key or the path of one), the key id, the extra verification keys (a JWK Set, or the path of
 * one), and the data folder where a key is generated when none is configured.
 */
public record KeySettings(
        String algorithm,
        Optional<String> signingKey,
        Optional<String> keyId,
        Optional<String> verificationKeys,
        Path dataFolder) {

    public KeySettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(verificationKeys, "verificationKeys");
        Objects.requireNonNull(dataFolder, "dataFolder");
    }
}
