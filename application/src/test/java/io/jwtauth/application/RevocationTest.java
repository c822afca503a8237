package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.AccountRejected;
import io.jwtauth.domain.NoActiveAccountForToken;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import io.jwtauth.domain.User;
import io.jwtauth.domain.WrongPassword;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Logout everywhere, password changes and deactivation end the tokens issued before them, of both types. */
class RevocationTest {

    private final Fixture fixture = new Fixture();
    private final User user = fixture.user("myuser", "mypassword");

    @Test
    void revokeAllEndsEveryRefreshTokenOfTheUserOnly() {
        TokenPair phone = fixture.loginAs("myuser", "mypassword");
        TokenPair laptop = fixture.loginAs("myuser", "mypassword");
        fixture.user("neighbour", "mypassword");
        TokenPair neighbours = fixture.loginAs("neighbour", "mypassword");

        assertThat(fixture.revokeAll.handle(new RevokeAllRefreshTokens.Command(user.id()))).isEqualTo(2);

        assertRejected(() -> refresh(phone), Reason.BLACKLISTED);
        assertRejected(() -> refresh(laptop), Reason.BLACKLISTED);
        assertRejected(() -> verify(laptop.refresh()), Reason.BLACKLISTED);
        assertThatCode(() -> refresh(neighbours)).doesNotThrowAnyException();
    }

    @Test
    void changingThePasswordEndsEveryEarlierTokenOfBothTypes() {
        TokenPair before = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofSeconds(1));

        fixture.changePassword.handle(new ChangePassword.Command(user.username(), new PlainPassword("mypassword"),
                new PlainPassword("n3w-password")));

        assertRejected(() -> refresh(before), Reason.BLACKLISTED);
        assertAccountRejected(before.access(), AccountRejected.Reason.PASSWORD_CHANGED);
        assertThatThrownBy(() -> fixture.loginAs("myuser", "mypassword")).isInstanceOf(InvalidCredentials.class);
        TokenPair after = fixture.loginAs("myuser", "n3w-password");
        assertThatCode(() -> authenticate(after.access())).doesNotThrowAnyException();
        assertThatCode(() -> verify(after.access())).doesNotThrowAnyException();
    }

    @Test
    void aTokenIssuedWithinTheSecondOfTheChangeStillCounts() {
        fixture.clock.advance(Duration.ofMillis(300));
        fixture.changePassword.handle(new ChangePassword.Command(user.username(), new PlainPassword("mypassword"),
                new PlainPassword("n3w-password")));
        fixture.clock.advance(Duration.ofMillis(300));

        TokenPair after = fixture.loginAs("myuser", "n3w-password");

        assertThatCode(() -> authenticate(after.access())).doesNotThrowAnyException();
    }

    @Test
    void theOldPasswordMustBeRight() {
        TokenPair before = fixture.loginAs("myuser", "mypassword");
        int checks = fixture.hasher.checks();

        assertThatThrownBy(() -> fixture.changePassword.handle(new ChangePassword.Command(user.username(),
                new PlainPassword("wrong"), new PlainPassword("n3w-password")))).isInstanceOf(WrongPassword.class);

        assertThat(fixture.hasher.checks() - checks).isEqualTo(1);
        assertThatCode(() -> refresh(before)).doesNotThrowAnyException();
        assertThat(fixture.loginAs("myuser", "mypassword")).isNotNull();
    }

    @Test
    void wrongOldPasswordsCountAgainstTheAccountLikeFailedLogins() {
        for (int attempt = 0; attempt < fixture.throttle.accountThreshold(); attempt++) {
            assertThatThrownBy(() -> fixture.changePassword.handle(new ChangePassword.Command(user.username(),
                    new PlainPassword("guess"), new PlainPassword("n3w-password")))).isInstanceOf(WrongPassword.class);
        }
        int checks = fixture.hasher.checks();

        assertThatThrownBy(() -> fixture.changePassword.handle(new ChangePassword.Command(user.username(),
                new PlainPassword("mypassword"), new PlainPassword("n3w-password")))).isInstanceOf(LoginThrottled.class);
        assertThatThrownBy(() -> fixture.loginAs("myuser", "mypassword")).isInstanceOf(LoginThrottled.class);
        assertThat(fixture.hasher.checks()).isEqualTo(checks);
    }

    @Test
    void anOperatorSettingThePasswordRevokesToo() {
        TokenPair before = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofSeconds(1));

        fixture.setPassword.handle(new SetPassword.Command(user.username(), new PlainPassword("n3w")));

        assertRejected(() -> refresh(before), Reason.BLACKLISTED);
        assertAccountRejected(before.access(), AccountRejected.Reason.PASSWORD_CHANGED);
    }

    @Test
    void deactivationRevokesAndReactivationDoesNotResurrect() {
        TokenPair before = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofSeconds(1));

        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));

        // simplejwt's words for the refresh token of an inactive user, although here the token is revoked as well.
        assertThatThrownBy(() -> refresh(before)).isInstanceOf(NoActiveAccountForToken.class);
        assertAccountRejected(before.access(), AccountRejected.Reason.USER_INACTIVE);

        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), true));

        assertRejected(() -> refresh(before), Reason.BLACKLISTED);
        assertAccountRejected(before.access(), AccountRejected.Reason.PASSWORD_CHANGED);
        assertThat(fixture.loginAs("myuser", "mypassword")).isNotNull();
    }

    @Test
    void aLoggedOutTokenOfADeactivatedUserStaysBlacklistedAsInSimplejwt() {
        TokenPair before = fixture.loginAs("myuser", "mypassword");
        fixture.blacklist.handle(new BlacklistRefreshToken.Command(before.refresh()));
        fixture.clock.advance(Duration.ofSeconds(1));

        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));

        assertRejected(() -> refresh(before), Reason.BLACKLISTED);
    }

    private void assertAccountRejected(String access, AccountRejected.Reason reason) {
        for (Runnable check : new Runnable[] {() -> authenticate(access), () -> verify(access)}) {
            assertThatThrownBy(check::run).isInstanceOfSatisfying(AccountRejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo(reason));
        }
    }

    private void refresh(TokenPair pair) {
        fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh()));
    }

    private void verify(String token) {
        fixture.verify.handle(new VerifyToken.Command(token));
    }

    private void authenticate(String token) {
        fixture.authenticate.authenticate(fixture.authenticate.verify(new AuthenticateAccessToken.Command(token)));
    }
}
