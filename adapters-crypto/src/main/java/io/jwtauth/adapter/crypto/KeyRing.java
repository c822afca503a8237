package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.jwtauth.domain.JwkSet;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key ring of a key pair algorithm ({@link KeyPairAlgorithms}): the pair that signs, and the public keys of other
 * pairs that still verify, kept as a Nimbus {@link JWKSet}: retired ones, until every token they signed has expired,
 * and the next one, published before it signs. Every key has a {@code kid} (the configured one, else its RFC 7638
 * thumbprint); our tokens carry the signing key's, and a token is checked with the one key its {@code kid} names,
 * never a key it brings along. The same public keys are what {@link PublishedJwkSet} publishes.
 *
 * <p>A token without a {@code kid}, or with one we do not hold, is refused: every token we sign names its key.
 */
final class KeyRing implements JwsKey {

    /** Printable ASCII without spaces, quotes or backslashes: a kid goes into JSON headers and logs unescaped. */
    private static final Pattern KEY_ID = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

    private final JWSAlgorithm algorithm;
    private final JWSHeader header;
    private final JWSSigner signer;
    /** Built once per key from {@link #publicKeys}: Nimbus' verifiers hold no per-token state. */
    private final Map<String, JWSVerifier> verifiers = new HashMap<>();
    private final JWKSet publicKeys;
    private final JwkSet published;

    /**
     * @param signingKey      the private key that signs from now on, with its public half
     * @param keyId           the signing key's kid; by default its thumbprint
     * @param otherPublicKeys public keys that verify too; each keeps its own kid or gets its thumbprint. A key equal to
     *                        the signing key under the same kid is listed once.
     * @throws IllegalArgumentException if a key does not fit the algorithm, is too weak, is private where a public
     *                                  key belongs, or two different keys share a kid
     */
    KeyRing(JWSAlgorithm algorithm, JWK signingKey, Optional<String> keyId, List<JWK> otherPublicKeys) {
        if (!KeyPairAlgorithms.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("not a key-pair algorithm: " + algorithm.getName());
        }
        this.algorithm = algorithm;
        KeyPairAlgorithms.requireFits(algorithm, signingKey, "the signing key");
        if (!signingKey.isPrivate()) {
            throw new IllegalArgumentException("the signing key has no private key");
        }
        String signingKeyId = keyId.map(KeyRing::requireKeyId).orElseGet(() -> thumbprint(signingKey));

        Map<String, JWK> ring = new LinkedHashMap<>();
        ring.put(signingKeyId, publicOnly(signingKey, signingKeyId));
        int position = 0;
        for (JWK other : otherPublicKeys) {
            position++;
            String what = "verification key " + position + " of auth.verification-keys";
            if (other.isPrivate()) {
                throw new IllegalArgumentException(what + " holds private key material; list public keys only");
            }
            KeyPairAlgorithms.requireFits(algorithm, other, what);
            if (other.getKeyUse() != null && !KeyUse.SIGNATURE.equals(other.getKeyUse())) {
                throw new IllegalArgumentException(what + " is not for signatures (\"use\": \"" + other.getKeyUse() + "\")");
            }
            if (other.getAlgorithm() != null && !algorithm.getName().equals(other.getAlgorithm().getName())) {
                throw new IllegalArgumentException(what + " is for " + other.getAlgorithm() + ", but tokens are verified with "
                        + algorithm.getName() + " only");
            }
            String otherKeyId = other.getKeyID() != null ? requireKeyId(other.getKeyID()) : thumbprint(other);
            JWK known = ring.get(otherKeyId);
            if (known == null) {
                ring.put(otherKeyId, publicOnly(other, otherKeyId));
            } else if (!thumbprint(known).equals(thumbprint(other))) {
                throw new IllegalArgumentException("two different keys share the kid \"" + otherKeyId + "\"");
            }
        }
        this.publicKeys = new JWKSet(List.copyOf(ring.values()));

        try {
            for (JWK key : publicKeys.getKeys()) {
                verifiers.put(key.getKeyID(), key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key));
            }
            this.signer = signingKey instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("a key cannot be used for " + algorithm.getName(), e);
        }
        this.published = PublishedJwkSet.of(publicKeys);
        this.header = header(algorithm, signingKeyId);
        requireMatchingHalves();
    }

    private static String requireKeyId(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 128 printable ASCII characters without spaces, quotes or backslashes");
        }
        return keyId;
    }

    /** The RFC 7638 thumbprint (SHA-256, base64url): the same key always gets the same kid, on any node. */
    private static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a key thumbprint", e);
        }
    }

    /**
     * The key rebuilt from its public numbers alone plus use, alg and kid, so that nothing else a configured key
     * carried (private members, certificates, URLs) is ever published or used.
     */
    private JWK publicOnly(JWK key, String keyId) {
        if (key instanceof RSAKey rsa) {
            return new RSAKey.Builder(rsa.getModulus(), rsa.getPublicExponent())
                    .keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyID(keyId).build();
        }
        ECKey ec = (ECKey) key;
        return new ECKey.Builder(ec.getCurve(), ec.getX(), ec.getY())
                .keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyID(keyId).build();
    }

    /** Spelled as PyJWT spells headers, keys sorted, so that our tokens read like simplejwt's. */
    private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", algorithm.getName());
        json.put("kid", keyId);
        json.put("typ", "JWT");
        String text = JSONObjectUtils.toJSONString(json);
        try {
            return JWSHeader.parse(text, Base64URL.encode(text));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the token header", e);
        }
    }

    /**
     * A PEM file can hold a private key and a public key that belong to different pairs; tokens signed with such a
     * "pair" would verify nowhere, so it is refused before the first token is made.
     */
    private void requireMatchingHalves() {
        byte[] probe = "jwt-auth key check".getBytes(StandardCharsets.US_ASCII);
        try {
            if (!verify(header, probe, sign(probe).decode())) {
                throw new IllegalArgumentException("the private and the public key of the signing key do not belong together");
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key cannot sign with " + algorithm.getName(), e);
        }
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
    public boolean verify(JWSHeader header, byte[] signingInput, byte[] signature) throws JOSEException {
        String keyId = header.getKeyID();
        JWSVerifier verifier = keyId == null ? null : verifiers.get(keyId);
        // Nimbus' ECDSA verifier also refuses signatures with r or s zero or not below the curve order (CVE-2022-21449).
        return verifier != null && verifier.verify(header, signingInput, Base64URL.encode(signature));
    }

    @Override
    public Optional<JwkSet> publicKeys() {
        return Optional.of(published);
    }
}
