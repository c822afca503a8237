package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.Username;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class RevocationEndpointsTest extends EndpointTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void revokeAllLogsOutEverywhere() {
        TokenPair phone = login();
        TokenPair laptop = login();

        Http.Answer answer = http.postWithBearer("/api/token/revoke-all/", "Bearer " + laptop.access(), null, "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().body()).isEqualTo("{}");
        for (TokenPair pair : List.of(phone, laptop)) {
            assertThat(http.form("/api/token/refresh/", "refresh=" + pair.refresh()).body())
                    .isEqualTo(tokenNotValid("Token is blacklisted"));
        }
        assertThat(http.postWithBearer("/api/token/revoke-all", "Bearer " + laptop.access(), FORM, "").status())
                .isEqualTo(200);
    }

    /** simplejwt checks the owner of a refresh token and answers so; the revocation that came with it is ours. */
    @Test
    void theRefreshTokenOfADeactivatedUserHasNoActiveAccount() {
        fixture.user("leaving", "mypassword");
        TokenPair pair = fixture.loginAs("leaving", "mypassword");
        fixture.setUserActive.handle(new SetUserActive.Command(new Username("leaving"), false));

        Http.Answer answer = http.form("/api/token/refresh/", "refresh=" + pair.refresh());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().body()).isEqualTo("{\"detail\":\"No active account found for the given token.\"}");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
    }

    @Test
    void revokeAllNeedsABearer() {
        Http.Answer answer = http.postWithBearer("/api/token/revoke-all/", null, null, "");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
        assertThat(http.postWithBearer("/api/token/revoke-all/", "Bearer " + login().refresh(), null, "").body())
                .containsEntry("code", "token_not_valid");
    }

    @Test
    void changingThePasswordEndsEveryEarlierToken() {
        fixture.user("changer", "old-password");
        TokenPair before = fixture.loginAs("changer", "old-password");
        fixture.clock.advance(Duration.ofSeconds(1));

        Http.Answer answer = http.postWithBearer("/api/password/change/", "Bearer " + before.access(), FORM,
                "old_password=old-password&new_password=new-password");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().body()).isEqualTo("{}");
        Map<String, Object> passwordChanged = Map.of("detail", "The user's password has been changed.", "code", "password_changed");
        Http.Answer profile = http.get("/api/profile/", "Bearer " + before.access());
        assertThat(profile.status()).isEqualTo(401);
        assertThat(profile.body()).isEqualTo(passwordChanged);
        assertThat(http.form("/api/token/verify/", "token=" + before.access()).body()).isEqualTo(passwordChanged);
        assertThat(http.form("/api/token/refresh/", "refresh=" + before.refresh()).body())
                .isEqualTo(tokenNotValid("Token is blacklisted"));
        assertThat(http.form("/api/token/", "username=changer&password=old-password").status()).isEqualTo(401);
        Http.Answer newLogin = http.json("/api/token/", "{\"username\": \"changer\", \"password\": \"new-password\"}");
        assertThat(newLogin.status()).isEqualTo(200);
        assertThat(http.get("/api/profile/", "Bearer " + newLogin.body().get("access")).status()).isEqualTo(200);
    }

    @Test
    void theOldPasswordMustBeRight() {
        fixture.user("forgetful", "old-password");
        TokenPair pair = fixture.loginAs("forgetful", "old-password");

        Http.Answer answer = http.postWithBearer("/api/password/change/", "Bearer " + pair.access(), "application/json",
                "{\"old_password\": \"guess\", \"new_password\": \"new-password\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(Map.of("old_password",
                List.of("Your old password was entered incorrectly. Please enter it again.")));
        assertThat(http.form("/api/token/refresh/", "refresh=" + pair.refresh()).status()).isEqualTo(200);
    }

    @Test
    void theBodyTypeIsReadByRfc9110sGrammarAsOnTheTokenEndpoints() {
        fixture.user("spaced", "old-password");
        TokenPair pair = fixture.loginAs("spaced", "old-password");
        Http.Answer answer = http.postWithBearer("/api/password/change/", "Bearer " + pair.access(),
                "Application/X-WWW-Form-Urlencoded ; charset=utf8", "old_password=old-password&new_password=new-password");
        assertThat(answer.status()).isEqualTo(200);
        Http.Answer latin1 = http.postWithBearer("/api/password/change/", "Bearer " + fixture.loginAs("spaced", "new-password").access(),
                "application/x-www-form-urlencoded; charset=latin1", "old_password=new-password&new_password=other-password");
        assertThat(latin1.status()).isEqualTo(415);
    }

    @Test
    void authenticationComesBeforeTheBody() {
        Http.Answer anonymous = http.postWithBearer("/api/password/change/", null, FORM, "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);

        Http.Answer empty = http.postWithBearer("/api/password/change/", "Bearer " + login().access(), FORM, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo(Map.of(
                "old_password", List.of("This field is required."),
                "new_password", List.of("This field is required.")));
    }
}
