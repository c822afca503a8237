package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our RS and ES tokens against auth0's java-jwt (which has no PS256; the HTTP interop test in bootstrap covers it),
 * with the public key rebuilt from our published JWK by the JDK alone, so that neither the signature nor the JWKS is
 * judged by Nimbus.
 */
class AsymmetricInteropTest {

    // java-jwt checks the validity window against the real clock.
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static Algorithm auth0(String algorithm, PublicKey publicKey, Object privateKey) {
        return switch (algorithm) {
            case "RS256" -> Algorithm.RSA256((RSAPublicKey) publicKey, (RSAPrivateKey) privateKey);
            case "RS384" -> Algorithm.RSA384((RSAPublicKey) publicKey, (RSAPrivateKey) privateKey);
            case "RS512" -> Algorithm.RSA512((RSAPublicKey) publicKey, (RSAPrivateKey) privateKey);
            case "ES256" -> Algorithm.ECDSA256((ECPublicKey) publicKey, (ECPrivateKey) privateKey);
            case "ES384" -> Algorithm.ECDSA384((ECPublicKey) publicKey, (ECPrivateKey) privateKey);
            case "ES512" -> Algorithm.ECDSA512((ECPublicKey) publicKey, (ECPrivateKey) privateKey);
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    /** The published JWK as a Java key, by RFC 7518's definitions and the JDK's key factories only. */
    static PublicKey fromJwk(Map<String, String> jwk) throws Exception {
        if ("RSA".equals(jwk.get("kty"))) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(number(jwk.get("n")), number(jwk.get("e"))));
        }
        String curve = switch (jwk.get("crv")) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new IllegalArgumentException(jwk.get("crv"));
        };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECPoint point = new ECPoint(number(jwk.get("x")), number(jwk.get("y")));
        return KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private static BigInteger number(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static Object privateKey(JWK pair) throws Exception {
        return pair instanceof RSAKey rsa ? rsa.toRSAPrivateKey() : ((ECKey) pair).toECPrivateKey();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"})
    void java_jwtVerifiesOurTokenWithTheKeyWePublish(String algorithm) throws Exception {
        SigningKeys keys = TestKeys.signingKeys(algorithm, "current");
        Map<String, String> jwk = keys.published().orElseThrow().keys().get(0);
        var codec = new NimbusTokenCodec(keys, Optional.empty(), Optional.empty());
        String token = codec.encode(new Claims(TokenType.ACCESS, new TokenId("0123456789abcdef0123456789abcdef"),
                new UserId(42), now, now.plusSeconds(300), Optional.empty(), Optional.empty()));

        DecodedJWT decoded = JWT.require(auth0(algorithm, fromJwk(jwk), null)).build().verify(token);

        assertThat(decoded.getAlgorithm()).isEqualTo(algorithm);
        assertThat(decoded.getKeyId()).isEqualTo(jwk.get("kid"));
        assertThat(decoded.getType()).isEqualTo("JWT");
        assertThat(decoded.getClaim("user_id").asString()).isEqualTo("42");
        assertThat(decoded.getSubject()).isEqualTo("42");
        assertThat(decoded.getClaim("token_type").asString()).isEqualTo("access");

        PublicKey someoneElses = fromJwk(TestKeys.signingKeys(algorithm, "attacker").published().orElseThrow().keys().get(0));
        assertThatThrownBy(() -> JWT.require(auth0(algorithm, someoneElses, null)).build().verify(token))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "ES512"})
    void weVerifyATokenThatJava_jwtSignedWithOurKeyAndKid(String algorithm) throws Exception {
        JWK pair = TestKeys.pair(algorithm, "current");
        String kid = AsymmetricTokenCodecTest.thumbprint(pair);
        String token = JWT.create()
                .withKeyId(kid)
                .withClaim("token_type", "access")
                .withExpiresAt(now.plusSeconds(300))
                .withIssuedAt(now)
                .withJWTId("00112233445566778899aabbccddeeff")
                .withClaim("user_id", "7")
                .sign(auth0(algorithm, null, privateKey(pair)));

        Claims claims = new NimbusTokenCodec(TestKeys.signingKeys(algorithm, "current"), Optional.empty(), Optional.empty())
                .decode(token);

        assertThat(claims.userId()).isEqualTo(new UserId(7));
    }
}
