package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The refresh token store's contract, on H2 and on PostgreSQL, including its behaviour under concurrent callers. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcRefreshTokenStoreTest {

    /** Far in the past, so that flushing before it touches only what a flush test recorded itself. */
    private static final Instant FLUSH_TIME = Instant.parse("2001-01-01T00:00:00Z");
    private static final Instant FUTURE = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final int RACERS = 16;

    @Parameter
    TestDatabase database;

    private JdbcRefreshTokenStore store;
    private UserId owner;
    private ExecutorService threads;

    @BeforeEach
    void wire() {
        store = database.bean(JdbcRefreshTokenStore.class);
        owner = database.bean(JdbcUserStore.class)
                .add(new Username("owner-" + UUID.randomUUID()), new PasswordHash("$argon2id$hash"), true).id();
        threads = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void recordsATokenAsActive() {
        IssuedRefreshToken first = token(FUTURE, Optional.empty());
        IssuedRefreshToken successor = token(FUTURE, Optional.of(first.id()));

        store.record(first);
        store.record(successor);

        assertThat(store.stateOf(first.id())).contains(RefreshTokenState.ACTIVE);
        assertThat(store.stateOf(successor.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void knowsNothingOfATokenItNeverRecorded() {
        assertThat(store.stateOf(newTokenId())).isEmpty();
        assertThat(store.retire(newTokenId(), RefreshTokenState.BLACKLISTED)).isFalse();
    }

    @Test
    void refusesToRecordOneIdTwice() {
        IssuedRefreshToken token = token(FUTURE, Optional.empty());
        store.record(token);

        assertThatThrownBy(() -> store.record(token)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void retiresAnActiveTokenOnlyOnce() {
        IssuedRefreshToken token = recorded(FUTURE);

        assertThat(store.retire(token.id(), RefreshTokenState.ROTATED)).isTrue();
        assertThat(store.retire(token.id(), RefreshTokenState.ROTATED)).isFalse();
        assertThat(store.retire(token.id(), RefreshTokenState.BLACKLISTED)).isFalse();
        assertThat(store.stateOf(token.id())).contains(RefreshTokenState.ROTATED);
    }

    @Test
    void keepsEveryRetiredState() {
        for (RefreshTokenState state : List.of(RefreshTokenState.ROTATED, RefreshTokenState.BLACKLISTED,
                RefreshTokenState.REVOKED)) {
            IssuedRefreshToken token = recorded(FUTURE);

            assertThat(store.retire(token.id(), state)).isTrue();
            assertThat(store.stateOf(token.id())).contains(state);
        }
    }

    @Test
    void refusesToRetireATokenToActive() {
        IssuedRefreshToken token = recorded(FUTURE);

        assertThatThrownBy(() -> store.retire(token.id(), RefreshTokenState.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsExactlyOneOfManyConcurrentRetirementsWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            IssuedRefreshToken token = recorded(FUTURE);
            CountDownLatch start = new CountDownLatch(1);

            List<Boolean> outcomes = all(IntStream.range(0, RACERS).mapToObj(racer -> (Callable<Boolean>) () -> {
                start.await();
                return store.retire(token.id(), racer % 2 == 0 ? RefreshTokenState.ROTATED : RefreshTokenState.BLACKLISTED);
            }).toList(), start);

            assertThat(outcomes).containsOnlyOnce(true).hasSize(RACERS);
            assertThat(store.stateOf(token.id())).isPresent().get().isNotEqualTo(RefreshTokenState.ACTIVE);
        }
    }

    @Test
    void deletesOnlyExpiredRecordsInBoundedBatches() {
        List<IssuedRefreshToken> expired = recordedExpiringBefore(FLUSH_TIME, 2_500);
        IssuedRefreshToken expiringNow = recorded(FLUSH_TIME);
        IssuedRefreshToken live = recorded(FLUSH_TIME.plusSeconds(1));

        assertThat(store.deleteExpired(FLUSH_TIME, 1_000)).isEqualTo(1_000);
        assertThat(store.deleteExpired(FLUSH_TIME, 1_000)).isEqualTo(1_000);
        assertThat(store.deleteExpired(FLUSH_TIME, 1_000)).isEqualTo(500);
        assertThat(store.deleteExpired(FLUSH_TIME, 1_000)).isZero();

        assertThat(store.stateOf(expired.get(0).id())).isEmpty();
        assertThat(store.stateOf(expired.get(2_499).id())).isEmpty();
        assertThat(store.stateOf(expiringNow.id())).contains(RefreshTokenState.ACTIVE);
        assertThat(store.stateOf(live.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void deletesTheOldestFirst() {
        IssuedRefreshToken oldest = recorded(FLUSH_TIME.minus(2, ChronoUnit.DAYS));
        IssuedRefreshToken newer = recorded(FLUSH_TIME.minus(1, ChronoUnit.DAYS));

        assertThat(store.deleteExpired(FLUSH_TIME, 1)).isEqualTo(1);

        assertThat(store.stateOf(oldest.id())).isEmpty();
        assertThat(store.stateOf(newer.id())).isPresent();
        assertThat(store.deleteExpired(FLUSH_TIME, 1)).isEqualTo(1);
    }

    @Test
    void toleratesFlushesRunningAtOnce() throws Exception {
        recordedExpiringBefore(FLUSH_TIME, 1_000);
        CountDownLatch start = new CountDownLatch(1);

        List<Integer> deleted = all(IntStream.range(0, 4).mapToObj(flusher -> (Callable<Integer>) () -> {
            start.await();
            int total = 0;
            int batch;
            do {
                batch = store.deleteExpired(FLUSH_TIME, 50);
                total += batch;
            } while (batch > 0);
            return total;
        }).toList(), start);

        assertThat(deleted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
        assertThat(store.deleteExpired(FLUSH_TIME, 1_000)).isZero();
    }

    @Test
    void reportsAnUnreachableDatabaseAsUnavailableWithinSeconds() {
        try (ApplicationContext unreachable = database.unreachable()) {
            JdbcRefreshTokenStore offline = unreachable.getBean(JdbcRefreshTokenStore.class);
            long start = System.nanoTime();

            assertThatThrownBy(() -> offline.stateOf(newTokenId())).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.retire(newTokenId(), RefreshTokenState.ROTATED))
                    .isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.deleteExpired(FLUSH_TIME, 10)).isInstanceOf(StoreUnavailable.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void reportsADatabaseStoppedUnderItsPoolAsUnavailable() throws Exception {
        try (TestDatabase.PrivateDatabase privateDatabase = database.startPrivate()) {
            JdbcRefreshTokenStore running = privateDatabase.context().getBean(JdbcRefreshTokenStore.class);
            UserId user = privateDatabase.context().getBean(JdbcUserStore.class)
                    .add(new Username("stopped"), new PasswordHash("$argon2id$hash"), true).id();
            IssuedRefreshToken token = new IssuedRefreshToken(newTokenId(), user, new FamilyId("family-" + randomHex()),
                    Optional.empty(), FUTURE);
            running.record(token);

            privateDatabase.stopServer();
            long start = System.nanoTime();

            assertThatThrownBy(() -> running.retire(token.id(), RefreshTokenState.ROTATED))
                    .isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> running.stateOf(token.id())).isInstanceOf(StoreUnavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private <T> List<T> all(List<Callable<T>> tasks, CountDownLatch start) throws Exception {
        List<Future<T>> futures = tasks.stream().map(threads::submit).toList();
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private List<IssuedRefreshToken> recordedExpiringBefore(Instant time, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> recorded(time.minusSeconds(i))).toList();
    }

    private IssuedRefreshToken recorded(Instant expiresAt) {
        IssuedRefreshToken token = token(expiresAt, Optional.empty());
        store.record(token);
        return token;
    }

    private IssuedRefreshToken token(Instant expiresAt, Optional<TokenId> parent) {
        return new IssuedRefreshToken(newTokenId(), owner, new FamilyId("family-" + randomHex()), parent, expiresAt);
    }

    private static TokenId newTokenId() {
        return new TokenId("token-" + randomHex());
    }

    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
