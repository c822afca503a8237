package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class ProfileEndpointTest extends EndpointTest {

    @Inject
    SwitchableUserCache userCache;

    @Test
    void greetsTheBearer() {
        Http.Answer answer = http.get("/api/profile/", "Bearer " + login().access());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(Map.of("message", "Hello, myuser"));
        assertThat(http.get("/api/profile", "Bearer " + login().access()).status()).isEqualTo(200);
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            Http.Answer answer = http.get("/api/profile/", scheme + " " + login().access());
            assertThat(answer.status()).as(scheme).isEqualTo(200);
            assertThat(answer.body()).as(scheme).isEqualTo(Map.of("message", "Hello, myuser"));
        }
    }

    @Test
    void twoAuthorizationHeadersAreRefusedAsMalformed() {
        String bearer = "Bearer " + login().access();
        RawHttp.Answer answer = new RawHttp(server.getURI(), json).send(RouteBypassTest.request(List.of(
                "GET /api/profile/ HTTP/1.1", "Authorization: " + bearer, "Authorization: " + bearer)));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).containsEntry("code", "bad_authorization_header");
    }

    @Test
    void anOwnerOutsideTheCacheIsLookedUpAndGreetedAllTheSame() {
        String bearer = "Bearer " + login().access();
        userCache.holdEveryone(false);
        try {
            assertThat(http.get("/api/profile/", bearer).body()).isEqualTo(Map.of("message", "Hello, myuser"));
            fixture.users.goDown();
            try {
                Http.Answer answer = http.get("/api/profile/", bearer);
                assertThat(answer.status()).isEqualTo(503);
            } finally {
                fixture.users.recover();
            }
        } finally {
            userCache.holdEveryone(true);
        }
    }

    @Test
    void openRoutesAttemptNoAuthenticationSoABearerThereNeverWaitsOnTheStore() {
        String bearer = "Bearer " + login().access();
        userCache.holdEveryone(false);
        fixture.users.goDown();
        try {
            assertThat(http.get("/api/health/", bearer).status()).isEqualTo(200);
            assertThat(http.get("/api/health/", "Bearer a b").status()).as("not even the header is read").isEqualTo(200);
            assertThat(http.get("/api/profile/", bearer).status()).isEqualTo(503);
        } finally {
            fixture.users.recover();
            userCache.holdEveryone(true);
        }
    }

    @Test
    void schemeAndTokenMaySeparateByAnyRunOfWhiteSpace() {
        String token = login().access();
        for (String separator : List.of("  ", "\t", " \t ")) {
            Http.Answer answer = http.get("/api/profile/", "Bearer" + separator + token);
            assertThat(answer.status()).as("separated by %s", separator.replace("\t", "\\t")).isEqualTo(200);
        }
    }

    @Test
    void anOwnerThatMustBeLookedUpInAStoreThatIsDownIs503() {
        String token = login().access();
        fixture.users.goDown();
        try {
            Http.Answer answer = http.get("/api/profile/", "Bearer " + token);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).containsEntry("code", "service_unavailable");
        } finally {
            fixture.users.recover();
        }
    }

    @Test
    void withoutCredentialsOrWithAnotherScheme() {
        for (String header : new String[] {null, "Token abc", "Basic bXl1c2VyOm15cGFzc3dvcmQ=", ""}) {
            Http.Answer answer = http.get("/api/profile/", header);
            assertThat(answer.status()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
            assertThat(answer.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
        }
    }

    @Test
    void bearerWithoutATokenOrWithExtraParts() {
        for (String header : List.of("Bearer", "Bearer  ", "Bearer a b", "Bearer a\tb", "Bearer\ta  b")) {
            Http.Answer answer = http.get("/api/profile/", header);
            assertThat(answer.status()).as(header).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(Map.of(
                    "detail", "Authorization header must contain two space-delimited values",
                    "code", "bad_authorization_header"));
        }
    }

    @Test
    void badAccessTokensSayWhyInSimplejwtsShape() {
        TokenPair pair = login();
        String expired = fixture.codec.encode(fixture.issuer.access(myuser.id(),
                fixture.clock.instant().minus(Duration.ofMinutes(6))));

        assertBadAccessToken("not-a-token", "Token is invalid");
        assertBadAccessToken(expired, "Token is expired");
        assertBadAccessToken(pair.refresh(), "Token has wrong type");
    }

    @Test
    void theOwnerMustExistAndBeActive() {
        String strangers = fixture.codec.encode(fixture.issuer.access(new UserId(987_654), fixture.clock.instant()));
        Http.Answer gone = http.get("/api/profile/", "Bearer " + strangers);
        assertThat(gone.status()).isEqualTo(401);
        assertThat(gone.body()).isEqualTo(Map.of("detail", "User not found", "code", "user_not_found"));

        fixture.user("leaver", "mypassword");
        TokenPair pair = fixture.loginAs("leaver", "mypassword");
        fixture.setUserActive.handle(new SetUserActive.Command(new Username("leaver"), false));
        Http.Answer inactive = http.get("/api/profile/", "Bearer " + pair.access());
        assertThat(inactive.status()).isEqualTo(401);
        assertThat(inactive.body()).isEqualTo(Map.of("detail", "User is inactive", "code", "user_inactive"));
        assertThat(inactive.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
    }

    private void assertBadAccessToken(String token, String message) {
        Http.Answer answer = http.get("/api/profile/", "Bearer " + token);
        assertThat(answer.status()).as(message).isEqualTo(401);
        assertThat(answer.body()).as(message).isEqualTo(Map.of(
                "detail", "Given token not valid for any token type",
                "code", "token_not_valid",
                "messages", List.of(Map.of("token_class", "AccessToken", "token_type", "access", "message", message))));
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
    }
}
