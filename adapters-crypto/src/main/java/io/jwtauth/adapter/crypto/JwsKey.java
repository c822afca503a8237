package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

/**
 * The key behind one configured JWS algorithm: it names the header of the tokens it signs, signs them, and
 * checks signatures. One implementation per algorithm family, so that key pairs (RS*, PS256, ES*), whose
 * header also carries a {@code kid}, join as a new implementation without touching the codec.
 */
sealed interface JwsKey permits HmacKey {

    /** The key for {@code algorithm}, e.g. {@code HS256}, made from the configured key text. */
    static JwsKey of(String algorithm, String key) {
        JWSAlgorithm parsed = JWSAlgorithm.parse(algorithm);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(parsed)) {
            return new HmacKey(parsed, key);
        }
        throw new IllegalArgumentException("unsupported signing algorithm " + algorithm + ": use HS256, HS384 or HS512");
    }

    JWSAlgorithm algorithm();

    JWSHeader header();

    Base64URL sign(byte[] signingInput) throws JOSEException;

    /**
     * Whether {@code signature} over {@code signingInput} was made with this key. The header may only select
     * among our own keys; key material it names is never used.
     */
    boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException;
}
