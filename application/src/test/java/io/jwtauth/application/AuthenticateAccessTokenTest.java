package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.AccountRejected;
import io.jwtauth.domain.StoreUnavailable;
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
                authenticate(pair.access());

        assertThat(authenticated.id()).isEqualTo(user.id());
        assertThat(authenticated.username().value()).isEqualTo("myuser");
    }

    @Test
    void aRefreshTokenIsNotABearerToken() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        assertRejected(() -> authenticate(pair.refresh()), Reason.WRONG_TYPE);
    }

    @Test
    void expiredAndForgedTokensAreRefused() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        assertRejected(() -> authenticate("forged"), Reason.INVALID);
        fixture.clock.advance(Duration.ofMinutes(5));
        assertRejected(() -> authenticate(pair.access()), Reason.EXPIRED);
    }

    @Test
    void aTokenThatFailsVerificationNeverReachesTheStore() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        fixture.users.goDown();
        try {
            assertRejected(() -> fixture.authenticate.verify(new AuthenticateAccessToken.Command("forged")), Reason.INVALID);
            assertRejected(() -> fixture.authenticate.verify(new AuthenticateAccessToken.Command(pair.refresh())),
                    Reason.WRONG_TYPE);
            // Verification alone needs no store: only the owner's check finds it down.
            var verified = fixture.authenticate.verify(new AuthenticateAccessToken.Command(pair.access()));
            assertThatThrownBy(() -> fixture.authenticate.authenticate(verified)).isInstanceOf(StoreUnavailable.class);
        } finally {
            fixture.users.recover();
        }
    }

    @Test
    void theOwnerIsCheckedWhenAuthenticatingNotWhenVerifying() {
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        var verified = fixture.authenticate.verify(new AuthenticateAccessToken.Command(pair.access()));
        assertThat(verified.ownerId()).isEqualTo(user.id());

        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));
        assertThatThrownBy(() -> fixture.authenticate.authenticate(verified))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejected.Reason.USER_INACTIVE));
    }

    @Test
    void theUserMustStillExistAndBeActive() {
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        String strangersToken = fixture.codec.encode(fixture.issuer.access(new UserId(999), fixture.clock.instant()));

        assertThatThrownBy(() -> authenticate(strangersToken))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejected.Reason.USER_NOT_FOUND));

        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));
        assertThatThrownBy(() -> authenticate(pair.access()))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountRejected.Reason.USER_INACTIVE));
    }

    private AuthenticateAccessToken.AuthenticatedUser authenticate(String token) {
        return fixture.authenticate.authenticate(fixture.authenticate.verify(new AuthenticateAccessToken.Command(token)));
    }
}
