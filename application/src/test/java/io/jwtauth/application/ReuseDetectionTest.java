package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import io.jwtauth.domain.User;
import io.jwtauth.domain.fake.RecordingSecurityEvents.Reuse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 9700 §4.14.2 under rotation with blacklisting: an exchanged token presented again revokes its family. */
class ReuseDetectionTest {

    @Test
    void replayingAnExchangedTokenRevokesTheWholeFamily() {
        Fixture fixture = new Fixture(true, true);
        User user = fixture.user("victim", "mypassword");
        TokenPair stolen = fixture.loginAs("victim", "mypassword");
        String victimsCurrent = refresh(fixture, stolen.refresh());

        assertRejected(() -> refresh(fixture, stolen.refresh()), Reason.BLACKLISTED);

        assertRejected(() -> refresh(fixture, victimsCurrent), Reason.BLACKLISTED);
        Claims family = fixture.codec.claimsOf(stolen.refresh());
        assertThat(fixture.events.reuses()).containsExactly(new Reuse(user.id(), family.requireFamily(), 1));
    }

    @Test
    void theThiefsSuccessorDiesWithTheFamilyToo() {
        Fixture fixture = new Fixture(true, true);
        fixture.user("victim", "mypassword");
        TokenPair copied = fixture.loginAs("victim", "mypassword");
        String thiefs = refresh(fixture, copied.refresh());

        assertRejected(() -> refresh(fixture, copied.refresh()), Reason.BLACKLISTED);

        assertRejected(() -> refresh(fixture, thiefs), Reason.BLACKLISTED);
        assertThat(fixture.codec.claimsOf(thiefs).family()).isEqualTo(fixture.codec.claimsOf(copied.refresh()).family());
    }

    @Test
    void otherSessionsOfTheUserAreLeftAlone() {
        Fixture fixture = new Fixture(true, true);
        fixture.user("victim", "mypassword");
        TokenPair phone = fixture.loginAs("victim", "mypassword");
        TokenPair laptop = fixture.loginAs("victim", "mypassword");
        refresh(fixture, phone.refresh());

        assertRejected(() -> refresh(fixture, phone.refresh()), Reason.BLACKLISTED);

        assertThat(refresh(fixture, laptop.refresh())).isNotNull();
    }

    @Test
    void withoutGraceARetryOfALostAnswerIsReuse() {
        Fixture fixture = new Fixture(true, true);
        fixture.user("flaky", "mypassword");
        TokenPair pair = fixture.loginAs("flaky", "mypassword");
        String lostAnswer = refresh(fixture, pair.refresh());

        assertRejected(() -> refresh(fixture, pair.refresh()), Reason.BLACKLISTED);
        assertThat(fixture.refreshTokens.stateOf(fixture.codec.claimsOf(lostAnswer).id())).contains(RefreshTokenState.REVOKED);
    }

    @Test
    void withinTheGracePeriodARetryGetsTheSameSuccessorAgain() {
        Fixture fixture = new Fixture(true, true, Duration.ofSeconds(10));
        User user = fixture.user("flaky", "mypassword");
        TokenPair pair = fixture.loginAs("flaky", "mypassword");
        String lostAnswer = refresh(fixture, pair.refresh());
        fixture.clock.advance(Duration.ofSeconds(9));

        String retried = refresh(fixture, pair.refresh());

        Claims missed = fixture.codec.claimsOf(lostAnswer);
        Claims again = fixture.codec.claimsOf(retried);
        assertThat(again.id()).isEqualTo(missed.id());
        assertThat(again.family()).isEqualTo(missed.family());
        assertThat(again.expiresAt()).isEqualTo(missed.expiresAt());
        assertThat(again.issuedAt()).isEqualTo(missed.issuedAt());
        assertThat(fixture.refreshTokens.activeOf(user.id())).as("one live token in the family").isEqualTo(1);
        assertThat(fixture.refreshTokens.size()).as("no record added by the retry").isEqualTo(2);
        assertThat(fixture.events.reuses()).isEmpty();
    }

    @Test
    void aRetryAnsweredTwiceStillLeavesOneChain() {
        Fixture fixture = new Fixture(true, true, Duration.ofSeconds(10));
        fixture.user("flaky", "mypassword");
        TokenPair pair = fixture.loginAs("flaky", "mypassword");
        String lostAnswer = refresh(fixture, pair.refresh());
        String retried = refresh(fixture, pair.refresh());

        String next = refresh(fixture, retried);

        assertThat(fixture.events.reuses()).isEmpty();
        assertRejected(() -> refresh(fixture, pair.refresh()), Reason.BLACKLISTED);
        assertThat(fixture.events.reuses()).as("the successor was used, so the first token is reuse now").hasSize(1);
        assertRejected(() -> refresh(fixture, next), Reason.BLACKLISTED);
        assertThat(fixture.codec.claimsOf(lostAnswer).id()).isEqualTo(fixture.codec.claimsOf(retried).id());
    }

    @Test
    void theRetriedTokenWorksWhenTheLostAnswerIsNeverUsed() {
        Fixture fixture = new Fixture(true, true, Duration.ofSeconds(10));
        fixture.user("flaky", "mypassword");
        TokenPair pair = fixture.loginAs("flaky", "mypassword");
        refresh(fixture, pair.refresh());
        String retried = refresh(fixture, pair.refresh());

        assertThat(refresh(fixture, retried)).isNotNull();
        assertThat(fixture.events.reuses()).isEmpty();
    }

    @Test
    void afterTheGracePeriodItIsReuseAgain() {
        Fixture fixture = new Fixture(true, true, Duration.ofSeconds(10));
        fixture.user("flaky", "mypassword");
        TokenPair pair = fixture.loginAs("flaky", "mypassword");
        refresh(fixture, pair.refresh());
        fixture.clock.advance(Duration.ofSeconds(10));

        assertRejected(() -> refresh(fixture, pair.refresh()), Reason.BLACKLISTED);
        assertThat(fixture.events.reuses()).hasSize(1);
    }

    @Test
    void aGraceRetryIsRefusedOnceTheSuccessorWasUsed() {
        Fixture fixture = new Fixture(true, true, Duration.ofSeconds(10));
        fixture.user("flaky", "mypassword");
        TokenPair pair = fixture.loginAs("flaky", "mypassword");
        String successor = refresh(fixture, pair.refresh());
        refresh(fixture, successor);

        assertRejected(() -> refresh(fixture, pair.refresh()), Reason.BLACKLISTED);
        assertThat(fixture.events.reuses()).hasSize(1);
    }

    private static String refresh(Fixture fixture, String token) {
        return fixture.refresh.handle(new RefreshAccessToken.Command(token)).refresh().orElseThrow();
    }
}
