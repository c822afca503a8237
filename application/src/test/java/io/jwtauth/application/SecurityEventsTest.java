package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.WrongPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each use case reports its security event once it happened, and only then (what metrics and logs are built on). */
class SecurityEventsTest {

    @Test
    void loginsAreReportedByOutcome() {
        Fixture fixture = new Fixture();
        User user = fixture.user("myuser", "mypassword");

        fixture.loginAs("myuser", "mypassword");
        for (int failure = 0; failure < fixture.throttle.accountThreshold(); failure++) {
            assertThatThrownBy(() -> fixture.loginAs("myuser", "wrong")).isInstanceOf(InvalidCredentials.class);
        }
        assertThatThrownBy(() -> fixture.loginAs("myuser", "mypassword")).isInstanceOf(LoginThrottled.class);

        assertThat(fixture.events.events()).first().isEqualTo("login_succeeded user=" + user.id().asClaim());
        assertThat(fixture.events.events()).filteredOn(event -> event.startsWith("login_failed"))
                .hasSize(fixture.throttle.accountThreshold())
                .allMatch(event -> event.equals("login_failed client=" + Fixture.CLIENT.value()));
        assertThat(fixture.events.events()).last().asString().startsWith("login_throttled client=192.0.2.1 wait=");
    }

    @Test
    void aLoginRefusedForCapacityIsReportedAsSuch() {
        Fixture fixture = new Fixture();
        fixture.user("myuser", "mypassword");
        PasswordHasher full = new PasswordHasher() {
            @Override
            public PasswordHash hash(PlainPassword password) {
                return fixture.hasher.hash(password);
            }

            @Override
            public boolean matches(PlainPassword password, PasswordHash hash) {
                throw new CapacityExceeded("every password-hashing thread is busy and the queue is full");
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return false;
            }

            @Override
            public boolean recognizes(PasswordHash hash) {
                return true;
            }
        };
        ObtainTokenPair login = fixture.useCasesWith(full).obtainTokenPair();

        assertThatThrownBy(() -> login.handle(new ObtainTokenPair.Command("myuser", new PlainPassword("mypassword"),
                Fixture.CLIENT))).isInstanceOf(CapacityExceeded.class);

        assertThat(fixture.events.events()).containsExactly("login_over_capacity client=192.0.2.1");
    }

    @Test
    void refreshesRotationsReuseLogoutsRevocationsAndPasswordChangesAreReported() {
        Fixture fixture = new Fixture(true, true);
        User user = fixture.user("myuser", "mypassword");
        String id = user.id().asClaim();
        TokenPair first = fixture.loginAs("myuser", "mypassword");
        String second = fixture.refresh.handle(new RefreshAccessToken.Command(first.refresh())).refresh().orElseThrow();
        fixture.refresh.handle(new RefreshAccessToken.Command(second));
        assertThatThrownBy(() -> fixture.refresh.handle(new RefreshAccessToken.Command(first.refresh())))
                .isInstanceOf(TokenRejected.class);
        TokenPair again = fixture.loginAs("myuser", "mypassword");
        fixture.blacklist.handle(new BlacklistRefreshToken.Command(again.refresh()));
        assertThatThrownBy(() -> fixture.blacklist.handle(new BlacklistRefreshToken.Command(again.refresh())))
                .isInstanceOf(TokenRejected.class);
        fixture.loginAs("myuser", "mypassword");
        fixture.revokeAll.handle(new RevokeAllRefreshTokens.Command(user.id()));
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.changePassword.handle(new ChangePassword.Command(new Username("myuser"), new PlainPassword("mypassword"),
                new PlainPassword("n3w-password")));

        assertThat(fixture.events.events()).containsExactly(
                "login_succeeded user=" + id,
                "refreshed user=" + id + " rotated=true",
                "refreshed user=" + id + " rotated=true",
                "refresh_token_reuse user=" + id + " revoked=1",
                "login_succeeded user=" + id,
                "refresh_token_blacklisted user=" + id,
                "login_succeeded user=" + id,
                "revoke_all user=" + id + " revoked=1",
                "password_changed user=" + id);
    }

    @Test
    void wrongOldPasswordsAndTheThrottleThatFollowsAreReportedForTheAccount() {
        Fixture fixture = new Fixture();
        User user = fixture.user("myuser", "mypassword");
        String id = user.id().asClaim();
        ChangePassword.Command guess = new ChangePassword.Command(new Username("myuser"), new PlainPassword("guess"),
                new PlainPassword("n3w-password"));

        for (int failure = 0; failure < fixture.throttle.accountThreshold(); failure++) {
            assertThatThrownBy(() -> fixture.changePassword.handle(guess)).isInstanceOf(WrongPassword.class);
        }
        assertThatThrownBy(() -> fixture.changePassword.handle(guess)).isInstanceOf(LoginThrottled.class);

        assertThat(fixture.events.events()).filteredOn(event -> event.startsWith("password_change_failed"))
                .hasSize(fixture.throttle.accountThreshold())
                .allMatch(event -> event.equals("password_change_failed user=" + id));
        assertThat(fixture.events.events()).hasSize(fixture.throttle.accountThreshold() + 1);
        assertThat(fixture.events.events()).last().asString().startsWith("password_change_throttled user=" + id + " wait=");
        assertThat(fixture.events.events()).noneMatch(event -> event.startsWith("password_changed"));
    }

    @Test
    void aRefreshWithoutRotationIsReportedAsNotRotated() {
        Fixture fixture = new Fixture();
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh()));

        assertThat(fixture.events.events()).last().isEqualTo("refreshed user=" + user.id().asClaim() + " rotated=false");
    }
}
