package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A new key pair for the operator's {@code keys generate}: the private key goes to a file that only its owner can
 * read, the public key is shown as the JWK that {@code /.well-known/jwks.json} will publish once the pair is
 * configured. The private key is never shown.
 */
public final class GeneratedKeyPair {

    private final JWK keyPair;
    private final String publicJwk;

    private GeneratedKeyPair(JWK keyPair, String publicJwk) {
        this.keyPair = keyPair;
        this.publicJwk = publicJwk;
    }

    /**
     * @param algorithm RS256/384/512, PS256 or ES256/384/512
     * @param keyId     the kid to publish; by default the key's RFC 7638 thumbprint, which the service also uses
     *                  when auth.key-id is not set
     * @throws IllegalArgumentException for another algorithm or a malformed key id
     */
    public static GeneratedKeyPair generate(String algorithm, Optional<String> keyId) {
        JWSAlgorithm parsed = JWSAlgorithm.parse(algorithm);
        if (!KeyPairAlgorithms.ALGORITHMS.contains(parsed)) {
            throw new IllegalArgumentException("cannot make a key pair for " + algorithm
                    + ": use RS256, RS384, RS512, PS256, ES256, ES384 or ES512");
        }
        JWK keyPair = KeyPairAlgorithms.generate(parsed);
        // Described by the same code that serves the JWKS, so the printed key is exactly what will be published.
        var published = new KeyRing(parsed, keyPair, keyId, List.of()).publicKeys().orElseThrow();
        return new GeneratedKeyPair(keyPair, JSONObjectUtils.toJSONString(published.keys().get(0)));
    }

    /** The public key as one line of JWK JSON, with its kty, use, alg and kid. */
    public String publicJwk() {
        return publicJwk;
    }

    /**
     * Writes the private key as PEM (PKCS#8, followed by the public key) to a new file with owner-only permissions.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists: a key is never overwritten
     */
    public void writePrivateKey(Path file) throws IOException {
        OwnerOnlyFile.createNew(file, PemKeys.write(keyPair));
    }
}
