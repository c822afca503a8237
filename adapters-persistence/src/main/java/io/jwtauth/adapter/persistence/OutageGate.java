package io.jwtauth.adapter.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the stores remember of a database outage. Once a call has found the database unreachable, the calls that
 * follow are turned away at once, and one call per retry interval goes through to see whether the database is back;
 * its success opens the gate for everyone again.
 *
 * <p>Without it, every request made during an outage would hold a server thread for the pool's whole connection
 * timeout: a busy service would queue requests behind those waits and answer later and later, while its threads
 * did nothing but wait for a database that is gone. With it, an outage costs each request microseconds, and the
 * service notices the database's return within about one retry interval.
 */
final class OutageGate {

    /**
     * Stands for "the database was reachable last time". A retry time that happens to equal it (a one in 2^64 chance)
     * merely lets calls through early, which is harmless.
     */
    private static final long REACHABLE = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final long retryNanos;
    /** {@link #REACHABLE}, or the nanoTime from which the next call may go through to try the database again. */
    private final AtomicLong retryAt = new AtomicLong(REACHABLE);

    OutageGate(LongSupplier nanoTime, Duration retryInterval) {
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("the retry interval must be positive");
        }
        this.nanoTime = nanoTime;
        this.retryNanos = retryInterval.toNanos();
    }

    /**
     * Whether this call may go to the database: always while it is reachable; during an outage only the first call
     * after each retry interval, which postpones the next try by another interval before it goes.
     */
    boolean admits() {
        long retry = retryAt.get();
        if (retry == REACHABLE) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return now - retry >= 0 && retryAt.compareAndSet(retry, now + retryNanos);
    }

    /** A call reached the database, whatever the database answered. */
    void reached() {
        if (retryAt.get() != REACHABLE) {
            retryAt.set(REACHABLE);
        }
    }

    /** A call found the database unreachable: turn calls away for one retry interval from now. */
    void unreachable() {
        retryAt.set(nanoTime.getAsLong() + retryNanos);
    }
}
