package io.jwtauth.application;

import io.jwtauth.domain.port.RefreshTokenStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes the records of refresh tokens that have expired, like simplejwt's {@code flushexpiredtokens}. It works
 * in bounded batches, each its own statement, so a large table is never locked for long.
 */
public final class FlushExpiredTokens {

    private final RefreshTokenStore store;
    private final Clock clock;
    private final int batchSize;

    public FlushExpiredTokens(RefreshTokenStore store, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Returns how many records it deleted. */
    public long handle() {
        Instant now = clock.instant();
        long deleted = 0;
        int batch;
        do {
            batch = store.deleteExpired(now, batchSize);
            deleted += batch;
        } while (batch == batchSize);
        return deleted;
    }
}
