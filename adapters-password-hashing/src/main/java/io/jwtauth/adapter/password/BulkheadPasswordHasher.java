package io.jwtauth.adapter.password;

import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A thread-pool bulkhead (Resilience4j's {@code ThreadPoolBulkhead}, Nygard's "Bulkheads" in <i>Release It!</i>)
 * around another hasher: its hashing and checking run on a fixed number of threads with a bounded queue in front. Hashing
 * is costly in CPU and, for Argon2id, in memory (19 MiB per hash by default), so the threads cap both; callers
 * beyond the threads wait in the queue, and callers beyond the queue are refused at once with
 * {@link CapacityExceeded} instead of piling up. The cheap questions about a hash's form are answered directly.
 */
public final class BulkheadPasswordHasher implements PasswordHasher, AutoCloseable {

    private final PasswordHasher hasher;
    private final ThreadPoolExecutor pool;
    private final ExecutorService submissions;

    public BulkheadPasswordHasher(PasswordHasher hasher, int threads, int queue) {
        this(hasher, threads, queue, UnaryOperator.identity());
    }

    /**
     * @param instrument wraps the pool for submissions, e.g. to time how long a hash waited in the queue (metrics); it
     *                   must hand every task to the pool it is given, so that the bounds and refusals stay the pool's
     */
    public BulkheadPasswordHasher(PasswordHasher hasher, int threads, int queue, UnaryOperator<ExecutorService> instrument) {
        // Without a queue, a call that comes just as a thread finishes would be refused before the thread is back.
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("password hashing needs at least 1 thread and a queue of at least 1");
        }
        this.hasher = hasher;
        AtomicInteger serial = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), work -> {
            Thread thread = new Thread(work, "password-hashing-" + serial.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.submissions = instrument.apply(pool);
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return run(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(PlainPassword password, PasswordHash hash) {
        return run(() -> hasher.matches(password, hash));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash);
    }

    @Override
    public boolean recognizes(PasswordHash hash) {
        return hasher.recognizes(hash);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private <T> T run(Callable<T> work) {
        Future<T> result;
        try {
            result = submissions.submit(work);
        } catch (RejectedExecutionException full) {
            throw new CapacityExceeded("every password-hashing thread is busy and the queue is full");
        }
        try {
            return result.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("password hashing failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CapacityExceeded("interrupted while waiting for password hashing");
        }
    }
}
