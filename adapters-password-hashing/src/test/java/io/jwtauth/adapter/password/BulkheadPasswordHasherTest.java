package io.jwtauth.adapter.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pool's bounds, shown with a hasher that holds every check until the test opens a gate, so that "busy" and
 * "full" are states the test sets up rather than races it hopes to win.
 */
class BulkheadPasswordHasherTest {

    private static final PlainPassword PASSWORD = new PlainPassword("pw");
    private static final PasswordHash HASH = new PasswordHash("gated$pw");
    private static final int THREADS = 2;
    private static final int QUEUE = 3;

    private final GatedHasher gated = new GatedHasher();
    private final BulkheadPasswordHasher bounded = new BulkheadPasswordHasher(gated, THREADS, QUEUE);
    private final List<Thread> callerThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work);
        callerThreads.add(thread);
        return thread;
    });

    @AfterEach
    void stop() {
        gated.gate.release(1_000);
        callers.shutdownNow();
        bounded.close();
    }

    @Test
    @Timeout(60) // an unbounded pool would queue the refused calls and hang here, not fail
    void runsAsManyChecksAsItHasThreadsQueuesTheNextAndRefusesTheRestAtOnce() throws Exception {
        List<CompletableFuture<Boolean>> admitted = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            admitted.add(check());
        }
        gated.running.await();
        for (int i = 0; i < QUEUE; i++) {
            admitted.add(check());
            // A caller whose check was queued waits for its result; one that was refused would have finished.
            Thread caller = callerThreads.get(callerThreads.size() - 1);
            while (caller.getState() != Thread.State.WAITING) {
                assertThat(admitted.get(admitted.size() - 1)).isNotDone();
                Thread.onSpinWait();
            }
        }

        assertThatThrownBy(() -> bounded.matches(PASSWORD, HASH)).isInstanceOf(CapacityExceeded.class);
        assertThatThrownBy(() -> bounded.hash(PASSWORD)).isInstanceOf(CapacityExceeded.class);

        gated.gate.release(THREADS + QUEUE);
        for (CompletableFuture<Boolean> check : admitted) {
            assertThat(check.get()).isTrue();
        }
        assertThat(gated.maxConcurrent.get()).isEqualTo(THREADS);
        gated.gate.release();
        assertThat(bounded.matches(PASSWORD, HASH)).as("room again").isTrue();
    }

    private CompletableFuture<Boolean> check() {
        return CompletableFuture.supplyAsync(() -> bounded.matches(PASSWORD, HASH), callers);
    }

    @Test
    void answersFormQuestionsWithoutTheQueue() {
        assertThat(bounded.recognizes(HASH)).isTrue();
        assertThat(bounded.needsRehash(HASH)).isFalse();
    }

    @Test
    void passesTheHashersOwnFailuresOn() {
        BulkheadPasswordHasher failing = new BulkheadPasswordHasher(new Argon2PasswordHasher(), 1, 1);
        try {
            assertThat(failing.matches(PASSWORD, new PasswordHash("not a hash"))).isFalse();
            assertThat(failing.hash(PASSWORD).encoded()).startsWith("$argon2id$");
        } finally {
            failing.close();
        }
    }

    @Test
    void refusesImpossibleSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkheadPasswordHasher(gated, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BulkheadPasswordHasher(gated, 1, 0));
    }

    /** Each check waits for a permit; the first {@code THREADS} to start count the latch down. */
    private static final class GatedHasher implements PasswordHasher {
        final Semaphore gate = new Semaphore(0);
        final CountDownLatch running = new CountDownLatch(THREADS);
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();

        @Override
        public PasswordHash hash(PlainPassword password) {
            return new PasswordHash("gated$" + password.value());
        }

        @Override
        public boolean matches(PlainPassword password, PasswordHash hash) {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            running.countDown();
            try {
                gate.acquire();
                return hash.encoded().equals("gated$" + password.value());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                concurrent.decrementAndGet();
            }
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }

        @Override
        public boolean recognizes(PasswordHash hash) {
            return hash.encoded().startsWith("gated$");
        }
    }
}
