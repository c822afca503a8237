package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's rules, on a clock the test moves by hand. */
class CircuitBreakerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Near the wrap-around of long, so that the breaker must compare nanoTimes by difference, as the JDK requires. */
    private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - INTERVAL.toNanos() / 2);
    private final CircuitBreaker breaker = new CircuitBreaker(clock::get, INTERVAL);

    @Test
    void closedPermitsEveryCall() {
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void opensForOneIntervalAfterAnOutage() {
        breaker.onError();

        assertThat(breaker.tryAcquirePermission()).isFalse();
        advance(INTERVAL.minusNanos(1));
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void whenOpenPermitsOneTrialCallPerInterval() {
        breaker.onError();
        advance(INTERVAL);

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
        advance(INTERVAL.minusNanos(1));
        assertThat(breaker.tryAcquirePermission()).isFalse();
        advance(Duration.ofNanos(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void closesForEveryoneOnceATrialCallReachesTheDatabase() {
        breaker.onError();
        advance(INTERVAL);
        assertThat(breaker.tryAcquirePermission()).isTrue();

        breaker.onSuccess();

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void staysOpenForAFreshIntervalWhenTheTrialCallFails() {
        breaker.onError();
        advance(INTERVAL);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        advance(Duration.ofMillis(300));

        breaker.onError();

        advance(INTERVAL.minusNanos(1));
        assertThat(breaker.tryAcquirePermission()).isFalse();
        advance(Duration.ofNanos(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new CircuitBreaker(clock::get, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }
}
