package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Set;

/** The key-pair JWS algorithms of the contract (RFC 7518, 3.3 to 3.5), and which keys suit each. */
final class KeyPairAlgorithms {

    /** PS384, PS512, ES256K and EdDSA are deliberately not offered. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** NIST SP 800-57's floor for RSA until 2030; Nimbus refuses to sign with less, too. */
    static final int MIN_RSA_BITS = 2048;

    private KeyPairAlgorithms() {
    }

    /** A new key pair for {@code algorithm}: RSA of {@value #MIN_RSA_BITS} bits for RS and PS, else the ES curve. */
    static JWK generate(JWSAlgorithm algorithm) {
        try {
            if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
                return new RSAKeyGenerator(MIN_RSA_BITS).generate();
            }
            return new ECKeyGenerator(curve(algorithm)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a key pair for " + algorithm.getName(), e);
        }
    }

    /**
     * Refuses a key that does not suit {@code algorithm}: RSA of at least 2048 bits for RS and PS, else the ES curve.
     *
     * @param what how the error message names the key
     */
    static void requireFits(JWSAlgorithm algorithm, JWK key, String what) {
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            if (!(key instanceof RSAKey rsa)) {
                throw new IllegalArgumentException(what + " is not an RSA key, which " + algorithm.getName() + " needs");
            }
            if (rsa.size() < MIN_RSA_BITS) {
                throw new IllegalArgumentException(what + " is an RSA key of " + rsa.size() + " bits; "
                        + algorithm.getName() + " needs at least " + MIN_RSA_BITS);
            }
            return;
        }
        Curve curve = curve(algorithm);
        if (!(key instanceof ECKey ec) || !curve.equals(ec.getCurve())) {
            throw new IllegalArgumentException(what + " is not an EC key on curve " + curve.getName() + ", which "
                    + algorithm.getName() + " needs");
        }
    }

    private static Curve curve(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            return Curve.P_256;
        }
        if (JWSAlgorithm.ES384.equals(algorithm)) {
            return Curve.P_384;
        }
        if (JWSAlgorithm.ES512.equals(algorithm)) {
            return Curve.P_521;
        }
        throw new IllegalArgumentException("not an ECDSA algorithm: " + algorithm.getName());
    }
}
