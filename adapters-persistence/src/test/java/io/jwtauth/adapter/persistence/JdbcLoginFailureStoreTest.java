package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.FailedLogins;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.ThrottleKey;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The failed-login tallies' contract, on H2 and on PostgreSQL, including many nodes counting one key at once. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcLoginFailureStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final int RACERS = 16;
    private static final int FAILURES_EACH = 5;

    @Parameter
    TestDatabase database;

    private JdbcLoginFailureStore store;

    @BeforeEach
    void wire() {
        store = database.bean(JdbcLoginFailureStore.class);
    }

    @Test
    void countsFailuresAndRemembersTheLast() {
        ThrottleKey key = uniqueKey();
        assertThat(store.find(key)).isEmpty();

        assertThat(store.add(key, T0, LONG_AGO)).isEqualTo(new FailedLogins(1, T0));
        assertThat(store.add(key, T0.plusSeconds(5), LONG_AGO)).isEqualTo(new FailedLogins(2, T0.plusSeconds(5)));
        assertThat(store.find(key)).contains(new FailedLogins(2, T0.plusSeconds(5)));
    }

    @Test
    void startsOverWhenTheLastFailureIsForgotten() {
        ThrottleKey key = uniqueKey();
        store.add(key, T0, LONG_AGO);
        store.add(key, T0, LONG_AGO);

        assertThat(store.add(key, T0.plusSeconds(100), T0.plusSeconds(1))).isEqualTo(new FailedLogins(1, T0.plusSeconds(100)));
    }

    @Test
    void resetForgetsOneKeyOnly() {
        ThrottleKey key = uniqueKey();
        ThrottleKey other = uniqueKey();
        store.add(key, T0, LONG_AGO);
        store.add(other, T0, LONG_AGO);

        store.reset(key);
        store.reset(uniqueKey());

        assertThat(store.find(key)).isEmpty();
        assertThat(store.find(other)).contains(new FailedLogins(1, T0));
    }

    @Test
    void keepsOddKeysAsGiven() {
        ThrottleKey key = new ThrottleKey("account:ñandú'; DROP TABLE users;--" + UUID.randomUUID());
        store.add(key, T0, LONG_AGO);
        assertThat(store.find(key)).contains(new FailedLogins(1, T0));
    }

    @Test
    void deletesForgottenTalliesInBatchesAndKeepsTheRest() {
        // Far in the past, so that only this test's rows are old enough, whatever else shares the database.
        Instant ancient = Instant.parse("1990-01-01T00:00:00Z");
        List<ThrottleKey> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ThrottleKey key = uniqueKey();
            store.add(key, ancient.plusSeconds(i), LONG_AGO.minusSeconds(1_000_000_000));
            old.add(key);
        }
        ThrottleKey recent = uniqueKey();
        store.add(recent, T0, LONG_AGO);

        assertThat(store.deleteLastFailedBefore(ancient.plusSeconds(60), 3)).isEqualTo(3);
        assertThat(store.deleteLastFailedBefore(ancient.plusSeconds(60), 3)).isEqualTo(2);
        assertThat(store.deleteLastFailedBefore(ancient.plusSeconds(60), 3)).isZero();
        assertThat(old).allSatisfy(key -> assertThat(store.find(key)).isEmpty());
        assertThat(store.find(recent)).isPresent();
    }

    @Test
    void losesNoFailureWhenManyNodesCountOneNewKeyAtOnce() throws Exception {
        ThrottleKey key = uniqueKey();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<List<Integer>>> racers = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                racers.add(threads.submit(() -> {
                    start.await();
                    List<Integer> seen = new ArrayList<>();
                    for (int i = 0; i < FAILURES_EACH; i++) {
                        seen.add(store.add(key, T0, LONG_AGO).count());
                    }
                    return seen;
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<List<Integer>> racer : racers) {
                seen.addAll(racer.get());
            }

            assertThat(store.find(key)).map(FailedLogins::count).contains(RACERS * FAILURES_EACH);
            assertThat(seen).as("each failure saw its own count").doesNotHaveDuplicates()
                    .hasSize(RACERS * FAILURES_EACH);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reportsAnUnreachableDatabaseAsUnavailable() {
        try (ApplicationContext unreachable = database.unreachable()) {
            JdbcLoginFailureStore offline = unreachable.getBean(JdbcLoginFailureStore.class);
            assertThatThrownBy(() -> offline.find(uniqueKey())).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.add(uniqueKey(), T0, LONG_AGO)).isInstanceOf(StoreUnavailable.class);
        }
    }

    private static ThrottleKey uniqueKey() {
        return new ThrottleKey("account:racer-" + UUID.randomUUID());
    }
}
