package io.jwtauth.example.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unsigned-token trap of micronaut-security-jwt 4.15.1: with no signature configuration at all it accepts
 * {@code "alg": "none"} tokens. {@link AccessTokensOnly} keeps such an application from starting.
 */
class UnsignedTokenTest {

    /** What anyone can write: an unsigned token that claims to be user 1's access token. */
    static String unsignedAccessToken() {
        Instant now = Instant.now();
        return new PlainJWT(new JWTClaimsSet.Builder()
                .claim("token_type", "access")
                .expirationTime(Date.from(now.plusSeconds(300)))
                .issueTime(Date.from(now))
                .jwtID("0123456789abcdef0123456789abcdef")
                .claim("user_id", "1")
                .subject("1")
                .build()).serialize();
    }

    @Test
    void theApplicationDoesNotStartWithoutASignatureConfiguration() {
        // Neither the jwks nor the shared-secret environment: as if the property had been misspelt.
        assertThatThrownBy(() -> ResourceServer.start(Map.of()).close())
                .hasStackTraceContaining("No JWT signature configuration");
    }

    @Test
    void withoutTheCheckSuchAnApplicationWouldAcceptAnUnsignedToken() throws Exception {
        try (ResourceServer unprotected = ResourceServer.start(Map.of(), WithoutAccessTokensOnly.ENVIRONMENT)) {
            var answer = unprotected.whoAmI(unsignedAccessToken());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"subject\":\"1\",\"userId\":\"1\"}");
        }
    }

    @Test
    void theDocumentedConfigurationRefusesAnUnsignedToken() throws Exception {
        // A secret is enough to have a signature configuration; the jar test does the same against jwt-auth.
        try (ResourceServer server = ResourceServer.start(
                Map.of("jwt-auth.signing-key", "a-secret-of-at-least-thirty-two-bytes-0123456789"), "shared-secret")) {
            assertThat(server.whoAmI(unsignedAccessToken()).statusCode()).isEqualTo(401);
        }
    }
}
