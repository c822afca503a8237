package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.Username;
import io.jwtauth.application.SetUserActive;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class TokenEndpointsTest extends EndpointTest {

    @Test
    void loginWithAFormAsTheTutorialsCurlDoes() {
        Http.Answer answer = http.form("/api/token/", "username=myuser&password=mypassword");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsOnlyKeys("refresh", "access");
        assertThat(answer.raw().body()).startsWith("{\"refresh\":");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void loginWithJsonAndWithoutTheTrailingSlash() {
        Http.Answer answer = http.json("/api/token", "{\"username\": \"myuser\", \"password\": \"mypassword\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsOnlyKeys("refresh", "access");
    }

    /** DRF's serializers ignore fields they do not declare; the OpenAPI document says so (additionalProperties). */
    @Test
    void fieldsTheEndpointDoesNotKnowAreIgnored() {
        Http.Answer json = http.json("/api/token/", "{\"username\": \"myuser\", \"password\": \"mypassword\", \"otp\": 123}");
        assertThat(json.status()).isEqualTo(200);
        Http.Answer form = http.form("/api/token/refresh/",
                "refresh=" + json.body().get("refresh") + "&client=cli");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).containsOnlyKeys("access");
    }

    @Test
    void wrongPasswordUnknownAndInactiveUsersGetTheSameAnswer() {
        fixture.user("sleeper", "mypassword");
        fixture.setUserActive.handle(new SetUserActive.Command(new Username("sleeper"), false));
        Map<String, Object> expected = Map.of("detail", "No active account found with the given credentials");

        for (String body : List.of("username=myuser&password=wrong", "username=nobody&password=mypassword",
                "username=sleeper&password=mypassword")) {
            Http.Answer answer = http.form("/api/token/", body);
            assertThat(answer.status()).as(body).isEqualTo(401);
            assertThat(answer.body()).as(body).isEqualTo(expected);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
        }
    }

    @Test
    void refreshGivesANewAccessTokenForm() {
        TokenPair pair = login();
        Http.Answer answer = http.form("/api/token/refresh/", "refresh=" + pair.refresh());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsOnlyKeys("access");
        assertThat(fixture.codec.claimsOf((String) answer.body().get("access")).userId()).isEqualTo(myuser.id());
    }

    @Test
    void refreshWithJsonAndWithoutTheTrailingSlash() {
        TokenPair pair = login();
        Http.Answer answer = http.json("/api/token/refresh", "{\"refresh\": \"" + pair.refresh() + "\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsOnlyKeys("access");
    }

    @Test
    void verifyAnswersAnEmptyObjectForEitherType() {
        TokenPair pair = login();
        for (String token : List.of(pair.access(), pair.refresh())) {
            Http.Answer verified = http.json("/api/token/verify/", "{\"token\": \"" + token + "\"}");
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.raw().body()).isEqualTo("{}");
        }
    }

    @Test
    void blacklistLogsOutOnce() {
        TokenPair pair = login();

        Http.Answer blacklisted = http.form("/api/token/blacklist/", "refresh=" + pair.refresh());
        assertThat(blacklisted.status()).isEqualTo(200);
        assertThat(blacklisted.raw().body()).isEqualTo("{}");

        for (String path : List.of("/api/token/refresh/", "/api/token/blacklist/")) {
            Http.Answer again = http.form(path, "refresh=" + pair.refresh());
            assertThat(again.status()).as(path).isEqualTo(401);
            assertThat(again.body()).as(path).isEqualTo(tokenNotValid("Token is blacklisted"));
            assertThat(again.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
        }
        Http.Answer verify = http.form("/api/token/verify/", "token=" + pair.refresh());
        assertThat(verify.body()).isEqualTo(tokenNotValid("Token is blacklisted"));
    }

    @Test
    void badTokensOnTheTokenEndpoints() {
        TokenPair pair = login();
        String expiredRefresh = fixture.codec.encode(fixture.issuer.refresh(myuser.id(), fixture.issuer.newFamily(),
                fixture.clock.instant().minus(Duration.ofDays(2))));
        String expiredAccess = fixture.codec.encode(fixture.issuer.access(myuser.id(),
                fixture.clock.instant().minus(Duration.ofMinutes(6))));

        assertTokenError("/api/token/refresh/", "refresh", "not-a-token", "Token is invalid");
        assertTokenError("/api/token/refresh/", "refresh", expiredRefresh, "Token is expired");
        assertTokenError("/api/token/refresh/", "refresh", pair.access(), "Token has wrong type");
        assertTokenError("/api/token/blacklist/", "refresh", "not-a-token", "Token is invalid");
        assertTokenError("/api/token/blacklist/", "refresh", pair.access(), "Token has wrong type");
        assertTokenError("/api/token/verify/", "token", "not-a-token", "Token is invalid");
        assertTokenError("/api/token/verify/", "token", expiredAccess, "Token is expired");
    }

    @Test
    void refreshForAnInactiveUserIsRefused() {
        io.jwtauth.domain.User leaver = fixture.user("leaver", "mypassword");
        TokenPair pair = fixture.loginAs("leaver", "mypassword");
        // Straight in the store, as an operator's SQL would: deactivation through the use case also revokes.
        fixture.users.deactivate(leaver.id(), fixture.clock.instant());

        Http.Answer answer = http.form("/api/token/refresh/", "refresh=" + pair.refresh());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(Map.of("detail", "No active account found for the given token."));
    }

    @Test
    void anUnreachableStoreIs503NotALoginFailure() {
        fixture.users.goDown();
        try {
            Http.Answer answer = http.form("/api/token/", "username=myuser&password=mypassword");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).containsEntry("code", "service_unavailable").containsKey("detail");
        } finally {
            fixture.users.recover();
        }
    }

    private void assertTokenError(String path, String field, String token, String detail) {
        Http.Answer answer = http.form(path, field + "=" + token);
        assertThat(answer.status()).as(path + " " + detail).isEqualTo(401);
        assertThat(answer.body()).as(path + " " + detail).isEqualTo(tokenNotValid(detail));
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
    }
}
