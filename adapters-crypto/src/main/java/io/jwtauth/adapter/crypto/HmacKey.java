package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.PublicKeySet;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A shared secret for HS256/HS384/HS512: the UTF-8 bytes of the configured text, as simplejwt uses its
 * SIGNING_KEY. RFC 7518 asks for a secret at least as long as the hash; shorter ones are refused.
 */
final class HmacKey implements JwsKey {

    private final JWSAlgorithm algorithm;
    private final JWSHeader header;
    private final MACSigner signer;
    private final MACVerifier verifier;

    HmacKey(JWSAlgorithm algorithm, String secret) {
        this.algorithm = algorithm;
        byte[] bytes = Objects.requireNonNull(secret, "signing key").getBytes(StandardCharsets.UTF_8);
        int minimum = minimumLength(algorithm);
        if (bytes.length < minimum) {
            throw new IllegalArgumentException("the " + algorithm.getName() + " signing key must be at least " + minimum
                    + " bytes long (UTF-8); use a random key of 64 or more characters");
        }
        // Spelled in PyJWT's key order (Nimbus would put typ first), so our tokens read like simplejwt's.
        String headerJson = "{\"alg\":\"" + algorithm.getName() + "\",\"typ\":\"JWT\"}";
        this.header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT)
                .parsedBase64URL(Base64URL.encode(headerJson))
                .build();
        try {
            this.signer = new MACSigner(bytes);
            this.verifier = new MACVerifier(bytes);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the " + algorithm.getName() + " signing key is not usable", e);
        }
    }

    private static int minimumLength(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return 32;
        }
        if (JWSAlgorithm.HS384.equals(algorithm)) {
            return 48;
        }
        if (JWSAlgorithm.HS512.equals(algorithm)) {
            return 64;
        }
        throw new IllegalArgumentException("not an HMAC algorithm: " + algorithm.getName());
    }

    @Override
    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public JWSHeader header() {
        return header;
    }

    @Override
    public Base64URL sign(byte[] signingInput) throws JOSEException {
        return signer.sign(header, signingInput);
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        // MACVerifier compares in constant time.
        return verifier.verify(header, signingInput, signature);
    }

    @Override
    public Optional<PublicKeySet> publicKeys() {
        return Optional.empty();
    }
}
