package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.HandMadeTokens.SECRET;
import static io.jwtauth.adapter.crypto.HandMadeTokens.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our tokens against auth0's java-jwt, an implementation that shares no code with Nimbus. */
class NimbusTokenCodecInteropTest {

    private static final String ISSUER = "https://auth.example";
    private static final String AUDIENCE = "api";

    // java-jwt checks the validity window against the real clock.
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static Algorithm auth0(String algorithm, String secret) {
        return switch (algorithm) {
            case "HS256" -> Algorithm.HMAC256(secret);
            case "HS384" -> Algorithm.HMAC384(secret);
            case "HS512" -> Algorithm.HMAC512(secret);
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void java_jwtVerifiesOurRefreshTokenAndReadsItsClaims(String algorithm) {
        var codec = new NimbusTokenCodec(keys(algorithm, SECRET), Optional.of(ISSUER), Optional.of(AUDIENCE));
        var claims = new Claims(TokenType.REFRESH, new TokenId("0123456789abcdef0123456789abcdef"), new UserId(42),
                now, now.plusSeconds(86_400), Optional.of(now), Optional.of(new FamilyId("fedcba9876543210fedcba9876543210")));

        DecodedJWT decoded = JWT.require(auth0(algorithm, SECRET)).withIssuer(ISSUER).withAudience(AUDIENCE).build()
                .verify(codec.encode(claims));

        assertThat(decoded.getAlgorithm()).isEqualTo(algorithm);
        assertThat(decoded.getType()).isEqualTo("JWT");
        assertThat(decoded.getClaim("token_type").asString()).isEqualTo("refresh");
        assertThat(decoded.getClaim("user_id").asString()).isEqualTo("42");
        assertThat(decoded.getSubject()).isEqualTo("42");
        assertThat(decoded.getId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(decoded.getClaim("family_id").asString()).isEqualTo("fedcba9876543210fedcba9876543210");
        assertThat(decoded.getIssuedAtAsInstant()).isEqualTo(now);
        assertThat(decoded.getNotBeforeAsInstant()).isEqualTo(now);
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(now.plusSeconds(86_400));
    }

    @Test
    void java_jwtRefusesOurTokenWithAnotherSecret() {
        var codec = new NimbusTokenCodec(keys("HS256", SECRET), Optional.empty(), Optional.empty());
        String token = codec.encode(new Claims(TokenType.ACCESS, new TokenId("0123456789abcdef0123456789abcdef"),
                new UserId(1), now, now.plusSeconds(300), Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> JWT.require(auth0("HS256", SECRET + "x")).build().verify(token))
                .isInstanceOf(com.auth0.jwt.exceptions.SignatureVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void weDecodeAnAccessTokenMadeByJava_jwt(String algorithm) {
        String token = JWT.create()
                .withClaim("token_type", "access")
                .withExpiresAt(now.plusSeconds(300))
                .withIssuedAt(now)
                .withJWTId("00112233445566778899aabbccddeeff")
                .withClaim("user_id", "7")
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .sign(auth0(algorithm, SECRET));

        Claims claims = new NimbusTokenCodec(keys(algorithm, SECRET), Optional.of(ISSUER), Optional.of(AUDIENCE)).decode(token);

        assertThat(claims).isEqualTo(new Claims(TokenType.ACCESS, new TokenId("00112233445566778899aabbccddeeff"),
                new UserId(7), now, now.plusSeconds(300), Optional.empty(), Optional.empty()));
    }

    @Test
    void weDecodeAJava_jwtTokenWhoseSubjectIsTheUserIdAndRefuseOneWhoseSubjectIsAnotherUser() {
        var codec = new NimbusTokenCodec(keys("HS256", SECRET), Optional.empty(), Optional.empty());
        var token = JWT.create()
                .withClaim("token_type", "access")
                .withExpiresAt(now.plusSeconds(300))
                .withIssuedAt(now)
                .withJWTId("00112233445566778899aabbccddeeff")
                .withClaim("user_id", "7");

        assertThat(codec.decode(token.withSubject("7").sign(auth0("HS256", SECRET))).userId()).isEqualTo(new UserId(7));
        assertThatThrownBy(() -> codec.decode(token.withSubject("8").sign(auth0("HS256", SECRET))))
                .isInstanceOfSatisfying(TokenRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }

    @Test
    void weRefuseAJava_jwtTokenWithANumericUserId() {
        String token = JWT.create()
                .withClaim("token_type", "access")
                .withExpiresAt(now.plusSeconds(300))
                .withIssuedAt(now)
                .withJWTId("00112233445566778899aabbccddeeff")
                .withClaim("user_id", 7)
                .sign(auth0("HS256", SECRET));

        assertThatThrownBy(() -> new NimbusTokenCodec(keys("HS256", SECRET), Optional.empty(), Optional.empty()).decode(token))
                .isInstanceOfSatisfying(TokenRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }
}
