package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.NoActiveAccountForToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RefreshAccessTokenTest {

    @Test
    void withoutRotationGivesANewAccessTokenOnly() {
        Fixture fixture = new Fixture();
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofMinutes(10));

        RefreshAccessToken.Result result = fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh()));

        assertThat(result.refresh()).isEmpty();
        Claims access = fixture.codec.claimsOf(result.access());
        assertThat(access.type()).isEqualTo(TokenType.ACCESS);
        assertThat(access.userId()).isEqualTo(user.id());
        assertThat(access.expiresAt()).isEqualTo(fixture.clock.instant().plus(Fixture.ACCESS_LIFETIME));
        assertThat(fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())).access()).isNotEqualTo(result.access());
    }

    @Test
    void refusesExpiredWrongTypeUnknownAndForeignTokens() {
        Fixture fixture = new Fixture();
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.access())), Reason.WRONG_TYPE);
        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command("garbage")), Reason.INVALID);
        fixture.refreshTokens.deleteExpired(fixture.clock.instant().plus(Duration.ofDays(2)), 100);
        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())), Reason.INVALID);

        TokenPair later = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Fixture.REFRESH_LIFETIME);
        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command(later.refresh())), Reason.EXPIRED);
    }

    @Test
    void refusesABlacklistedToken() {
        Fixture fixture = new Fixture();
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        fixture.blacklist.handle(new BlacklistRefreshToken.Command(pair.refresh()));

        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())), Reason.BLACKLISTED);
    }

    @Test
    void refusesTheTokenOfAnInactiveUser() {
        Fixture fixture = new Fixture();
        User user = fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        // Straight in the store, as an operator's SQL would: deactivation through the use case also revokes.
        fixture.users.deactivate(user.id(), fixture.clock.instant());

        assertThatThrownBy(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())))
                .isInstanceOf(NoActiveAccountForToken.class);
    }

    @Test
    void rotationHandsOutASuccessorOfTheSameFamilyWithAFullLifetime() {
        Fixture fixture = new Fixture(true, false);
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        fixture.clock.advance(Duration.ofHours(3));

        RefreshAccessToken.Result result = fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh()));

        Claims presented = fixture.codec.claimsOf(pair.refresh());
        Claims successor = fixture.codec.claimsOf(result.refresh().orElseThrow());
        assertThat(successor.family()).isEqualTo(presented.family());
        assertThat(successor.id()).isNotEqualTo(presented.id());
        assertThat(successor.expiresAt()).isEqualTo(fixture.clock.instant().plus(Fixture.REFRESH_LIFETIME));
        assertThat(fixture.refreshTokens.find(successor.id()).orElseThrow().token().parent()).contains(presented.id());
        // Without blacklisting, simplejwt leaves the presented token usable.
        assertThat(fixture.refreshTokens.stateOf(presented.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void rotationWithBlacklistRetiresThePresentedToken() {
        Fixture fixture = new Fixture(true, true);
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        RefreshAccessToken.Result result = fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh()));

        assertThat(fixture.refreshTokens.stateOf(fixture.codec.claimsOf(pair.refresh()).id())).contains(RefreshTokenState.ROTATED);
        assertThat(fixture.refresh.handle(new RefreshAccessToken.Command(result.refresh().orElseThrow())).refresh()).isPresent();
        assertRejected(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())), Reason.BLACKLISTED);
    }

    @Test
    void ofConcurrentRotationsOfOneTokenExactlyOneSucceeds() throws Exception {
        Fixture fixture = new Fixture(true, true);
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<RefreshAccessToken.Result>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> fixture.refresh.handle(new RefreshAccessToken.Command(pair.refresh())));
            }
            int succeeded = 0;
            for (Future<RefreshAccessToken.Result> outcome : pool.invokeAll(calls)) {
                try {
                    outcome.get();
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException failed) {
                    assertThat(failed.getCause()).isInstanceOf(io.jwtauth.domain.TokenRejected.class);
                }
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
