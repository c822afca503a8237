package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.AccountRejected;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthenticateAccessTokenTest {

    private final Fixture fixture = new Fixture();

    @Test
    void anAccessTokenSpeaksForItsUser() {
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        AuthenticateAccessToken.AuthenticatedUser authenticated =
                fixture.authenticate.handle(new AuthenticateAccessToken.Command(pair.access()));

        assertThat(authenticated.id()).isEqualTo(user.id());
        assertThat(authenticated.username().value()).isEqualTo("myuser");
    }

    @Test
    void aRefreshTokenIsNotABearerToken() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        assertRejected(() -> fixture.authenticate.handle(new AuthenticateAccessToken.Command(pair.refresh())), Reason.WRONG_TYPE);
    }

    @Test
    void expiredAndForgedTokensAreRefused() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        assertRejected(() -> fixture.authenticate.handle(new AuthenticateAccessToken.Command("forged")), Reason.INVALID);
        fixture.clock.advance(Duration.ofMinutes(5));
        assertRejected(() -> fixture.authenticate.handle(new AuthenticateAccessToken.Command(pair.access())), Reason.EXPIRED);
    }

    @Test
    void withoutWaitingItAnswersOnlyForOwnersTheStoreHoldsInMemory() {
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        String strangersToken = fixture.codec.encode(fixture.issuer.access(new UserId(999), fixture.clock.instant()));
        var command = new AuthenticateAccessToken.Command(pair.access());

        assertThat(fixture.authenticate.handleWithoutWaiting(command)).map(AuthenticateAccessToken.AuthenticatedUser::id)
                .contains(user.id());
        // The store cannot say without looking that nobody has this id, nor answer anything while it is down.
        assertThat(fixture.authenticate.handleWithoutWaiting(new AuthenticateAccessToken.Command(strangersToken))).isEmpty();
        fixture.users.goDown();
        try {
            assertThat(fixture.authenticate.handleWithoutWaiting(command)).isEmpty();
        } finally {
            fixture.users.recover();
        }
    }

    @Test
    void withoutWaitingItRefusesWhatHandleRefuses() {
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        assertRejected(() -> fixture.authenticate.handleWithoutWaiting(new AuthenticateAccessToken.Command("forged")),
                Reason.INVALID);
        assertRejected(() -> fixture.authenticate.handleWithoutWaiting(new AuthenticateAccessToken.Command(pair.refresh())),
                Reason.WRONG_TYPE);
        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));
        assertThatThrownBy(() -> fixture.authenticate.handleWithoutWaiting(new AuthenticateAccessToken.Command(pair.access())))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejected.Reason.USER_INACTIVE));
        fixture.clock.advance(Duration.ofMinutes(5));
        assertRejected(() -> fixture.authenticate.handleWithoutWaiting(new AuthenticateAccessToken.Command(pair.access())),
                Reason.EXPIRED);
    }

    @Test
    void theUserMustStillExistAndBeActive() {
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        String strangersToken = fixture.codec.encode(fixture.issuer.access(new UserId(999), fixture.clock.instant()));

        assertThatThrownBy(() -> fixture.authenticate.handle(new AuthenticateAccessToken.Command(strangersToken)))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejected.Reason.USER_NOT_FOUND));

        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));
        assertThatThrownBy(() -> fixture.authenticate.handle(new AuthenticateAccessToken.Command(pair.access())))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejected.Reason.USER_INACTIVE));
    }
}
