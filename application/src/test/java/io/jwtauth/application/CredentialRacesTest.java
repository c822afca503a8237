package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import io.jwtauth.domain.User;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RefreshTokenStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A password change or deactivation that lands while a login or a refresh is under way must not leave that request a
 * token that outlives the change. Each race is staged by running the change inside the request, at the worst moment.
 */
class CredentialRacesTest {

    private final Fixture fixture = new Fixture(true, false);
    private final User user = fixture.user("myuser", "mypassword");

    @Test
    void aLoginWhosePasswordCheckOverlapsAPasswordChangeGetsNoLastingToken() {
        ObtainTokenPair racingLogin = login(new ChangingWhileChecking(() -> {
            fixture.clock.advance(Duration.ofSeconds(1));
            fixture.setPassword.handle(new SetPassword.Command(user.username(), new PlainPassword("n3w")));
        }));

        assertThatThrownBy(() -> racingLogin.handle(command("mypassword"))).isInstanceOf(InvalidCredentials.class);

        assertThat(fixture.refreshTokens.activeOf(user.id())).isZero();
    }

    @Test
    void aLoginOverlappingADeactivationLeavesNothingForAReactivation() {
        ObtainTokenPair racingLogin = login(new ChangingWhileChecking(() ->
                fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false))));

        assertThatThrownBy(() -> racingLogin.handle(command("mypassword"))).isInstanceOf(InvalidCredentials.class);
        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), true));

        assertThat(fixture.refreshTokens.activeOf(user.id())).isZero();
    }

    @Test
    void aRotationOverlappingAPasswordChangeLeavesNoSuccessor() {
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofSeconds(1));
        RefreshTokenStore changingAfterRecord = new ChangingAfterRecord(() ->
                fixture.setPassword.handle(new SetPassword.Command(user.username(), new PlainPassword("n3w"))));
        RefreshAccessToken racingRefresh = fixture.useCasesWith(changingAfterRecord).refreshAccessToken();

        assertRejected(() -> racingRefresh.handle(new RefreshAccessToken.Command(pair.refresh())), Reason.BLACKLISTED);

        assertThat(fixture.refreshTokens.activeOf(user.id())).isZero();
    }

    @Test
    void aRefreshTokenOlderThanTheCredentialsIsRefusedEvenIfItsRecordEscapedRevocation() {
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofSeconds(1));
        // Straight in the store, without the revocation the use cases do alongside.
        fixture.users.changePassword(user.id(), new PasswordHash("fake$n3w"), fixture.clock.instant());

        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())), Reason.BLACKLISTED);
    }

    private ObtainTokenPair login(PasswordHasher hasher) {
        return fixture.useCasesWith(hasher).obtainTokenPair();
    }

    private static ObtainTokenPair.Command command(String password) {
        return new ObtainTokenPair.Command("myuser", new PlainPassword(password), Fixture.CLIENT);
    }

    /** The fixture's hasher, running a change the first time a password is checked. */
    private final class ChangingWhileChecking implements PasswordHasher {
        private Runnable change;

        ChangingWhileChecking(Runnable change) {
            this.change = change;
        }

        @Override
        public PasswordHash hash(PlainPassword password) {
            return fixture.hasher.hash(password);
        }

        @Override
        public boolean matches(PlainPassword password, PasswordHash hash) {
            boolean matches = fixture.hasher.matches(password, hash);
            Runnable once = change;
            change = () -> { };
            once.run();
            return matches;
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return fixture.hasher.needsRehash(hash);
        }

        @Override
        public boolean recognizes(PasswordHash hash) {
            return fixture.hasher.recognizes(hash);
        }
    }

    /** The fixture's token store, running a change right after the next token is recorded. */
    private final class ChangingAfterRecord extends ForwardingRefreshTokenStore {
        private final Runnable change;

        ChangingAfterRecord(Runnable change) {
            super(fixture.refreshTokens);
            this.change = change;
        }

        @Override
        public void record(IssuedRefreshToken token) {
            super.record(token);
            change.run();
        }
    }
}
