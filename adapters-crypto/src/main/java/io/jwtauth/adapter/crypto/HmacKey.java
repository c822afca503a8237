package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.JwkSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shared secret for HS256/HS384/HS512: the UTF-8 bytes of the configured text, as simplejwt uses its
 * SIGNING_KEY. RFC 7518 asks for a secret at least as long as the hash; shorter ones are refused.
 *
 * <p>Signs and verifies with the JDK's {@link Mac} directly, one keyed instance per thread: Nimbus'
 * {@code MACSigner} and {@code MACVerifier} look a {@code Mac} up and key it for every token, which cost more than
 * the hashing itself on every protected request.
 */
final class HmacKey implements JwsKey {

    private final JWSAlgorithm algorithm;
    private final JWSHeader header;
    private final ThreadLocal<Mac> macs;

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
        SecretKeySpec key = new SecretKeySpec(bytes, jcaName(algorithm));
        try {
            newMac(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the " + algorithm.getName() + " signing key is not usable", e);
        }
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                return newMac(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the " + algorithm.getName() + " signing key was usable a moment ago", e);
            }
        });
    }

    private static String jcaName(JWSAlgorithm algorithm) {
        return "HmacSHA" + algorithm.getName().substring("HS".length());
    }

    private static Mac newMac(SecretKeySpec key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(key.getAlgorithm());
        mac.init(key);
        return mac;
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
    public Base64URL sign(byte[] signingInput) {
        return Base64URL.encode(macs.get().doFinal(signingInput));
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, byte[] signature) {
        if (!algorithm.equals(header.getAlgorithm())) {
            return false;
        }
        // doFinal leaves the Mac ready for the next input; isEqual takes the same time wherever the bytes differ.
        return MessageDigest.isEqual(macs.get().doFinal(signingInput), signature);
    }

    @Override
    public Optional<JwkSet> publicKeys() {
        return Optional.empty();
    }
}
