package io.jwtauth.application;

import java.util.function.IntUnaryOperator;

/**
 * The loop of both flushes: delete in bounded batches, each its own statement so that a large table is never locked
 * for long, until a batch comes back short.
 */
final class BatchedDeletion {

    private final int batchSize;

    BatchedDeletion(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.batchSize = batchSize;
    }

    /** Calls {@code deleteUpTo} with the batch size until it deletes fewer; returns how many it deleted in all. */
    long deleteAll(IntUnaryOperator deleteUpTo) {
        long deleted = 0;
        int batch;
        do {
            batch = deleteUpTo.applyAsInt(batchSize);
            deleted += batch;
        } while (batch == batchSize);
        return deleted;
    }
}
