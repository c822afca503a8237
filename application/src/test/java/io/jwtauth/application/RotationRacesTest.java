package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import io.jwtauth.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Concurrent exchanges of one refresh token under rotation with blacklisting and a reuse grace period. Each race is
 * staged by running the other requests inside one exchange, at the worst moment.
 */
class RotationRacesTest {

    private final Fixture fixture = new Fixture(true, true, Duration.ofSeconds(10));
    private final User user = fixture.user("racer", "mypassword");
    private final TokenPair pair = fixture.loginAs("racer", "mypassword");
    private final RefreshAccessToken.Command presented = new RefreshAccessToken.Command(pair.refresh());

    /**
     * The loser of a rotation has recorded its own successor, still active until it revokes the family; a request
     * arriving in that moment finds the token rotated and, within the grace period, must be handed the winner's
     * successor: never the loser's, which would make two different successors of one token.
     */
    @Test
    void aRequestArrivingWhileTheLoserOfARotationIsStillToRevokeGetsTheWinnersSuccessor() {
        AtomicReference<RefreshAccessToken.Result> winner = new AtomicReference<>();
        AtomicReference<RefreshAccessToken.Result> late = new AtomicReference<>();
        AtomicReference<TokenId> losersSuccessor = new AtomicReference<>();
        RefreshAccessToken loser = fixture.useCasesWith(new ForwardingRefreshTokenStore(fixture.refreshTokens) {
            @Override
            public void record(IssuedRefreshToken token) {
                super.record(token);
                losersSuccessor.set(token.id());
                winner.set(fixture.refresh.handle(presented));
            }

            @Override
            public int revokeFamily(FamilyId family, Instant now) {
                late.set(fixture.refresh.handle(presented));
                return super.revokeFamily(family, now);
            }
        }).refreshAccessToken();

        assertRejected(() -> loser.handle(presented), Reason.BLACKLISTED);

        TokenId winners = successorOf(winner.get());
        assertThat(winners).isNotEqualTo(losersSuccessor.get());
        assertThat(successorOf(late.get())).as("the late request's successor").isEqualTo(winners);
        assertThat(fixture.refreshTokens.activeOf(user.id())).as("the loser counts as reuse: no live token").isZero();
    }

    private TokenId successorOf(RefreshAccessToken.Result answer) {
        return fixture.codec.claimsOf(answer.refresh().orElseThrow()).id();
    }
}
