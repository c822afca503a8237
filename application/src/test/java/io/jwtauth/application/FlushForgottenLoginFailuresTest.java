package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlushForgottenLoginFailuresTest {

    private final Fixture fixture = new Fixture();

    @Test
    void deletesTheTalliesTheThrottleNoLongerCountsAndKeepsTheRest() {
        Instant now = fixture.clock.instant();
        for (int i = 0; i < 25; i++) {
            fixture.loginFailures.add(new ThrottleKey("account:old" + i), now.minus(Duration.ofDays(2)), Instant.EPOCH);
        }
        fixture.loginFailures.add(new ThrottleKey("account:recent"), now.minus(Duration.ofHours(23)), Instant.EPOCH);

        long deleted = new FlushForgottenLoginFailures(fixture.loginFailures, fixture.throttle, fixture.clock, 10).handle();

        assertThat(deleted).isEqualTo(25);
        assertThat(fixture.loginFailures.size()).isEqualTo(1);
    }
}
