package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.JwkSet;
import java.util.Optional;

/**
 * Signature generation and verification (RFC 7515, section 5) with the keys behind one configured JWS algorithm: they
 * name the header of the tokens they sign, sign them, and check signatures. One implementation per kind of key: a
 * shared secret ({@link HmacKey}, the measured fast path on the JDK's {@code Mac}, tested against Nimbus'
 * {@code MACSigner} and {@code MACVerifier}), or a {@link KeyRing} on Nimbus' signers and verifiers, whose header
 * also carries a {@code kid}.
 */
sealed interface JwsKey permits HmacKey, KeyRing {

    JWSAlgorithm algorithm();

    JWSHeader header();

    Base64URL sign(byte[] signingInput) throws JOSEException;

    /**
     * Whether {@code signature} (decoded) over {@code signingInput} was made with one of our keys. The header may only
     * select among our own keys; key material it names is never used.
     */
    boolean verify(JWSHeader header, byte[] signingInput, byte[] signature) throws JOSEException;

    /** The JWK Set others may verify with; empty for a shared secret, which must never be published. */
    Optional<JwkSet> publicKeys();
}
