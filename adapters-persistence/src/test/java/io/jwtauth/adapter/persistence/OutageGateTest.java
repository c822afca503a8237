package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The gate's rules, on a clock the test moves by hand. */
class OutageGateTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Near the wrap-around of long, so that the gate must compare nanoTimes by difference, as the JDK requires. */
    private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - INTERVAL.toNanos() / 2);
    private final OutageGate gate = new OutageGate(clock::get, INTERVAL);

    @Test
    void admitsEveryCallWhileTheDatabaseIsReachable() {
        assertThat(gate.admits()).isTrue();
        gate.reached();
        assertThat(gate.admits()).isTrue();
        assertThat(gate.admits()).isTrue();
    }

    @Test
    void turnsCallsAwayForOneIntervalAfterAnOutage() {
        gate.unreachable();

        assertThat(gate.admits()).isFalse();
        advance(INTERVAL.minusNanos(1));
        assertThat(gate.admits()).isFalse();
    }

    @Test
    void letsOneCallThroughPerIntervalToTryTheDatabaseAgain() {
        gate.unreachable();
        advance(INTERVAL);

        assertThat(gate.admits()).isTrue();
        assertThat(gate.admits()).isFalse();
        advance(INTERVAL.minusNanos(1));
        assertThat(gate.admits()).isFalse();
        advance(Duration.ofNanos(1));
        assertThat(gate.admits()).isTrue();
        assertThat(gate.admits()).isFalse();
    }

    @Test
    void opensForEveryoneOnceACallReachesTheDatabase() {
        gate.unreachable();
        advance(INTERVAL);
        assertThat(gate.admits()).isTrue();

        gate.reached();

        assertThat(gate.admits()).isTrue();
        assertThat(gate.admits()).isTrue();
    }

    @Test
    void startsAFreshIntervalWhenTheTryFails() {
        gate.unreachable();
        advance(INTERVAL);
        assertThat(gate.admits()).isTrue();
        advance(Duration.ofMillis(300));

        gate.unreachable();

        advance(INTERVAL.minusNanos(1));
        assertThat(gate.admits()).isFalse();
        advance(Duration.ofNanos(1));
        assertThat(gate.admits()).isTrue();
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new OutageGate(clock::get, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }
}
