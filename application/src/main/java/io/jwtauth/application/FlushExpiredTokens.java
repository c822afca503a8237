package io.jwtauth.application;

import io.jwtauth.domain.port.ExpiredRefreshTokens;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes the records of refresh tokens that have expired, like simplejwt's {@code flushexpiredtokens}. It works
 * in bounded batches, each its own statement, so a large table is never locked for long.
 */
public final class FlushExpiredTokens {

    private final ExpiredRefreshTokens store;
    private final Clock clock;
    private final BatchedDeletion batches;

    public FlushExpiredTokens(ExpiredRefreshTokens store, Clock clock, int batchSize) {
        this.batches = new BatchedDeletion(batchSize);
        this.store = store;
        this.clock = clock;
    }

    /** Returns how many records it deleted. */
    public long handle() {
        Instant now = clock.instant();
        return batches.deleteAll(limit -> store.deleteExpired(now, limit));
    }
}
