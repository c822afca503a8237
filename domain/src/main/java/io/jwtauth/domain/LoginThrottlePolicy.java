package io.jwtauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When failed logins stop further attempts. Below the threshold, attempts are free. From the threshold on, each
 * failure closes the key for a delay that starts at {@code firstDelay} and doubles with every further failure, up
 * to {@code maxDelay}; once the delay after the last failure has passed, one more attempt is allowed, and a correct
 * password then works. A tally whose last failure is older than {@code forgetAfter} no longer counts.
 */
public record LoginThrottlePolicy(
        int accountThreshold,
        int addressThreshold,
        Duration firstDelay,
        Duration maxDelay,
        Duration forgetAfter) {

    public LoginThrottlePolicy {
        if (accountThreshold < 1 || addressThreshold < 1) {
            throw new IllegalArgumentException("login throttle thresholds must be at least 1");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (firstDelay.compareTo(Duration.ofSeconds(1)) < 0 || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("login throttle delays: first at least 1s, max at least first");
        }
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("login throttle: forget-after must not be shorter than max-delay");
        }
    }

    /** Failures that happened before this instant are forgotten. */
    public Instant forgetBefore(Instant now) {
        return now.minus(forgetAfter);
    }

    /** How long the key stays closed after this tally, or empty if an attempt may go ahead now. */
    public Optional<Duration> wait(Optional<FailedLogins> tally, int threshold, Instant now) {
        if (tally.isEmpty() || tally.get().count() < threshold || tally.get().lastFailureAt().isBefore(forgetBefore(now))) {
            return Optional.empty();
        }
        Duration remaining = Duration.between(now, tally.get().lastFailureAt().plus(delayAfter(tally.get().count() - threshold)));
        return remaining.isNegative() || remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }

    private Duration delayAfter(int failuresPastThreshold) {
        Duration delay = firstDelay;
        for (int doubling = 0; doubling < failuresPastThreshold && delay.compareTo(maxDelay) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
