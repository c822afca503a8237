package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.jwtauth.domain.JwkSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Key pairs for tests: generated ones, made once per algorithm and name and shared (RSA generation is slow), and the
 * OpenSSL-made PEM files under {@code test-keys/}.
 */
final class TestKeys {

    static final List<String> KEY_PAIR_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "ES512");

    private static final Map<String, JWK> GENERATED = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** A key pair for {@code algorithm}; the same {@code name} gives the same pair, another name another pair. */
    static JWK pair(String algorithm, String name) {
        return GENERATED.computeIfAbsent(family(algorithm) + "/" + name,
                ignored -> KeyPairAlgorithms.generate(JWSAlgorithm.parse(algorithm)));
    }

    /** RS and PS share RSA pairs; each ES algorithm has its curve. */
    private static String family(String algorithm) {
        return algorithm.startsWith("ES") ? algorithm : "RSA";
    }

    static String pem(String algorithm, String name) {
        return PemKeys.write(pair(algorithm, name));
    }

    /** The keys for {@code algorithm}, signing with the pair {@code name}, as the service loads its configuration. */
    static SigningKeys signingKeys(String algorithm, String name) {
        return load(algorithm, pem(algorithm, name), Optional.empty(), Optional.empty());
    }

    static SigningKeys load(String algorithm, String signingKey, Optional<String> keyId, Optional<String> verificationKeys) {
        return SigningKeys.load(new KeySettings(algorithm, Optional.of(signingKey), keyId, verificationKeys,
                Path.of("target", "unused-data-folder")));
    }

    /** The published set as the JSON that {@code /.well-known/jwks.json} serves. */
    static String jwksJson(JwkSet keys) {
        return keys.keys().stream()
                .map(key -> key.entrySet().stream()
                        .map(member -> "\"" + member.getKey() + "\":\"" + member.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}")))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    static String resource(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream("/test-keys/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test key " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
