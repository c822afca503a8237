package io.jwtauth.adapter.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The stores' circuit breaker (Nygard, <i>Release It!</i>): what they remember of a database outage. While the
 * database answers, the breaker is <em>closed</em> and permits every call. Once a call has found the database
 * unreachable, it is <em>open</em>: the calls that follow are refused at once, and one trial call per retry interval
 * goes through to see whether the database is back (the <em>half-open</em> probe); a trial that reaches the database
 * closes the breaker for everyone again, one that fails keeps it open for another interval.
 *
 * <p>Without it, every request made during an outage would hold a server thread for the pool's whole connection
 * timeout: a busy service would queue requests behind those waits and answer later and later, while its threads did
 * nothing but wait for a database that is gone. With it, an outage costs each request microseconds, and the service
 * notices the database's return within about one retry interval.
 *
 * <p>Hand-written rather than Micronaut's {@code @CircuitBreaker} or Resilience4j's, because neither has these rules
 * as they stand. Micronaut's is retry advice: it retries the failing call (three attempts by default) before it opens,
 * which would hold the very threads this breaker frees, and it needs an AOP proxy around a bean. Resilience4j's
 * half-open state admits its trial calls and then, unless {@code maxWaitDurationInHalfOpenState} is set, refuses
 * everyone until they complete, so a trial stuck on a dead connection for the pool's timeout keeps the service from
 * trying again; here the next interval brings the next trial regardless, which {@code CircuitBreakerTest} pins. The state is one {@code AtomicLong}: while closed a call costs one volatile read, where a
 * Resilience4j breaker records every call in its sliding window.
 */
final class CircuitBreaker {

    /**
     * Stands for the closed state. A retry time that happens to equal it (a one in 2^64 chance) merely lets calls
     * through early, which is harmless.
     */
    private static final long CLOSED = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final long retryNanos;
    /** {@link #CLOSED}, or (open) the nanoTime from which the next trial call may go through. */
    private final AtomicLong retryAt = new AtomicLong(CLOSED);

    CircuitBreaker(LongSupplier nanoTime, Duration retryInterval) {
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("the retry interval must be positive");
        }
        this.nanoTime = nanoTime;
        this.retryNanos = retryInterval.toNanos();
    }

    /**
     * Whether this call may go to the database: always while closed; while open only the first call after each retry
     * interval, the trial, which postpones the next trial by another interval before it goes.
     */
    boolean tryAcquirePermission() {
        long retry = retryAt.get();
        if (retry == CLOSED) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return now - retry >= 0 && retryAt.compareAndSet(retry, now + retryNanos);
    }

    /** A call reached the database, whatever the database answered: close. */
    void onSuccess() {
        if (retryAt.get() != CLOSED) {
            retryAt.set(CLOSED);
        }
    }

    /** A call found the database unreachable: open, refusing calls for one retry interval from now. */
    void onError() {
        retryAt.set(nanoTime.getAsLong() + retryNanos);
    }
}
