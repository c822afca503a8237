package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.PublicKeySet;
import java.util.Optional;

/**
 * The keys behind one configured JWS algorithm: they name the header of the tokens they sign, sign them, and check
 * signatures. One implementation per kind of key: a shared secret ({@link HmacKey}), or a key pair with the public
 * keys of its predecessors ({@link AsymmetricKeys}), whose header also carries a {@code kid}.
 */
sealed interface JwsKey permits HmacKey, AsymmetricKeys {

    JWSAlgorithm algorithm();

    JWSHeader header();

    Base64URL sign(byte[] signingInput) throws JOSEException;

    /**
     * Whether {@code signature} (decoded) over {@code signingInput} was made with one of our keys. The header may only
     * select among our own keys; key material it names is never used.
     */
    boolean verify(JWSHeader header, byte[] signingInput, byte[] signature) throws JOSEException;

    /** The public keys others may verify with; empty for a shared secret, which must never be published. */
    Optional<PublicKeySet> publicKeys();
}
