package io.jwtauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final LoginThrottlePolicy POLICY =
            new LoginThrottlePolicy(10, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofDays(1));

    private static Optional<Duration> waitAfter(int failures, Duration since) {
        return POLICY.wait(Optional.of(new FailedLogins(failures, NOW.minus(since))), 10, NOW);
    }

    @Test
    void belowTheThresholdNothingWaits() {
        assertThat(POLICY.wait(Optional.empty(), 10, NOW)).isEmpty();
        assertThat(waitAfter(9, Duration.ZERO)).isEmpty();
    }

    @Test
    void fromTheThresholdTheDelayDoublesUpToTheCap() {
        assertThat(waitAfter(10, Duration.ZERO)).contains(Duration.ofSeconds(1));
        assertThat(waitAfter(11, Duration.ZERO)).contains(Duration.ofSeconds(2));
        assertThat(waitAfter(14, Duration.ZERO)).contains(Duration.ofSeconds(16));
        assertThat(waitAfter(19, Duration.ZERO)).contains(Duration.ofSeconds(512));
        assertThat(waitAfter(20, Duration.ZERO)).contains(Duration.ofMinutes(15));
        assertThat(waitAfter(Integer.MAX_VALUE, Duration.ZERO)).contains(Duration.ofMinutes(15));
    }

    @Test
    void theWaitCountsFromTheLastFailureAndEnds() {
        assertThat(waitAfter(14, Duration.ofSeconds(10))).contains(Duration.ofSeconds(6));
        assertThat(waitAfter(14, Duration.ofSeconds(16))).isEmpty();
        assertThat(waitAfter(14, Duration.ofMillis(15_500))).contains(Duration.ofMillis(500));
    }

    @Test
    void oldFailuresAreForgotten() {
        assertThat(waitAfter(50, Duration.ofDays(1).plusSeconds(1))).isEmpty();
        assertThat(POLICY.forgetBefore(NOW)).isEqualTo(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LoginThrottlePolicy(0, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LoginThrottlePolicy(10, 100, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new LoginThrottlePolicy(10, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(1)));
    }

    @Test
    void aThrottledLoginStatesWholeSecondsRoundedUp() {
        assertThat(new LoginThrottled(Duration.ofMillis(1_001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new LoginThrottled(Duration.ofSeconds(900)).retryAfterSeconds()).isEqualTo(900);
    }
}
