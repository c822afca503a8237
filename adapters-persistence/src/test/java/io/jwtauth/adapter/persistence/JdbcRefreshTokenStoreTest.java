package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.StoredRefreshToken;
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
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
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
                .add(new Username("owner-" + UUID.randomUUID()), new PasswordHash("$argon2id$hash"), true, NOW).id();
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

        assertThat(stateOf(store, first.id())).contains(RefreshTokenState.ACTIVE);
        assertThat(stateOf(store, successor.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void knowsNothingOfATokenItNeverRecorded() {
        assertThat(stateOf(store, newTokenId())).isEmpty();
        assertThat(store.retire(newTokenId(), RefreshTokenState.BLACKLISTED, NOW)).isFalse();
    }

    @Test
    void refusesToRecordOneIdTwice() {
        IssuedRefreshToken token = token(FUTURE, Optional.empty());
        store.record(token);

        assertThatThrownBy(() -> store.record(token)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findsTheWholeRecordWithItsRetirementTime() {
        IssuedRefreshToken first = token(FUTURE, Optional.empty());
        IssuedRefreshToken successor = new IssuedRefreshToken(newTokenId(), owner, first.family(), Optional.of(first.id()), FUTURE);
        store.record(first);
        store.record(successor);

        assertThat(store.find(successor.id())).hasValue(
                new StoredRefreshToken(successor, RefreshTokenState.ACTIVE, Optional.empty()));
        store.rotate(first.id(), successor.id(), NOW);
        assertThat(store.find(first.id())).hasValue(
                new StoredRefreshToken(first, RefreshTokenState.ROTATED, Optional.of(NOW)));
    }

    @Test
    void findsTheSuccessorItsRotationNamedWhileThatIsActive() {
        IssuedRefreshToken first = token(FUTURE, Optional.empty());
        IssuedRefreshToken successor = new IssuedRefreshToken(newTokenId(), owner, first.family(), Optional.of(first.id()), FUTURE);
        store.record(first);
        store.record(successor);

        assertThat(store.activeSuccessorOf(first.id())).as("recorded with its parent, not yet named").isEmpty();
        assertThat(store.rotate(first.id(), successor.id(), NOW)).isTrue();
        assertThat(store.activeSuccessorOf(first.id())).contains(successor.id());
        assertThat(store.activeSuccessorOf(successor.id())).isEmpty();
        store.retire(successor.id(), RefreshTokenState.BLACKLISTED, NOW);
        assertThat(store.activeSuccessorOf(first.id())).isEmpty();
    }

    @Test
    void namesOnlyTheSuccessorOfTheRotationThatWon() {
        IssuedRefreshToken first = recorded(FUTURE);
        IssuedRefreshToken winners = successorOf(first);
        IssuedRefreshToken losers = successorOf(first);

        assertThat(store.rotate(first.id(), winners.id(), NOW)).isTrue();
        assertThat(store.rotate(first.id(), losers.id(), NOW)).isFalse();

        assertThat(store.activeSuccessorOf(first.id())).contains(winners.id());
        assertThat(stateOf(store, losers.id())).as("still active: the loser revokes its family itself")
                .contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void refusesToNameATokenItsOwnSuccessor() {
        IssuedRefreshToken token = recorded(FUTURE);

        assertThatThrownBy(() -> store.rotate(token.id(), token.id(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stateOf(store, token.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void revokesTheActiveTokensOfOneFamilyOnly() {
        FamilyId family = newFamilyId();
        IssuedRefreshToken retired = token(family, FUTURE);
        IssuedRefreshToken active = token(family, FUTURE);
        IssuedRefreshToken otherFamily = token(FUTURE, Optional.empty());
        List.of(retired, active, otherFamily).forEach(store::record);
        store.rotate(retired.id(), active.id(), NOW);

        assertThat(store.revokeFamily(family, NOW.plusSeconds(5))).isEqualTo(1);

        assertThat(store.find(active.id())).hasValue(
                new StoredRefreshToken(active, RefreshTokenState.REVOKED, Optional.of(NOW.plusSeconds(5))));
        assertThat(stateOf(store, retired.id())).contains(RefreshTokenState.ROTATED);
        assertThat(stateOf(store, otherFamily.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void revokesTheActiveTokensOfOneUserOnly() {
        IssuedRefreshToken phone = token(FUTURE, Optional.empty());
        IssuedRefreshToken laptop = token(FUTURE, Optional.empty());
        UserId neighbour = database.bean(JdbcUserStore.class)
                .add(new Username("neighbour-" + UUID.randomUUID()), new PasswordHash("$argon2id$hash"), true, NOW).id();
        IssuedRefreshToken neighbours = new IssuedRefreshToken(newTokenId(), neighbour, newFamilyId(), Optional.empty(), FUTURE);
        List.of(phone, laptop, neighbours).forEach(store::record);

        assertThat(store.revokeAllOf(owner, NOW)).isEqualTo(2);
        assertThat(store.revokeAllOf(owner, NOW)).isZero();

        assertThat(stateOf(store, phone.id())).contains(RefreshTokenState.REVOKED);
        assertThat(stateOf(store, laptop.id())).contains(RefreshTokenState.REVOKED);
        assertThat(stateOf(store, neighbours.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void retiresAnActiveTokenOnlyOnce() {
        IssuedRefreshToken token = recorded(FUTURE);

        assertThat(store.retire(token.id(), RefreshTokenState.BLACKLISTED, NOW)).isTrue();
        assertThat(store.retire(token.id(), RefreshTokenState.BLACKLISTED, NOW)).isFalse();
        assertThat(store.retire(token.id(), RefreshTokenState.REVOKED, NOW)).isFalse();
        assertThat(store.rotate(token.id(), successorOf(token).id(), NOW)).isFalse();
        assertThat(stateOf(store, token.id())).contains(RefreshTokenState.BLACKLISTED);
        assertThat(store.activeSuccessorOf(token.id())).isEmpty();
    }

    @Test
    void keepsEveryRetiredState() {
        for (RefreshTokenState state : List.of(RefreshTokenState.BLACKLISTED, RefreshTokenState.REVOKED)) {
            IssuedRefreshToken token = recorded(FUTURE);

            assertThat(store.retire(token.id(), state, NOW)).isTrue();
            assertThat(stateOf(store, token.id())).contains(state);
        }
        IssuedRefreshToken rotated = recorded(FUTURE);
        assertThat(store.rotate(rotated.id(), successorOf(rotated).id(), NOW)).isTrue();
        assertThat(stateOf(store, rotated.id())).contains(RefreshTokenState.ROTATED);
    }

    @Test
    void refusesToRetireATokenToActiveOrToRotatedWithoutItsSuccessor() {
        IssuedRefreshToken token = recorded(FUTURE);

        assertThatThrownBy(() -> store.retire(token.id(), RefreshTokenState.ACTIVE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.retire(token.id(), RefreshTokenState.ROTATED, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stateOf(store, token.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void letsExactlyOneOfManyConcurrentRetirementsWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            IssuedRefreshToken token = recorded(FUTURE);
            CountDownLatch start = new CountDownLatch(1);

            List<Boolean> outcomes = all(IntStream.range(0, RACERS).mapToObj(racer -> (Callable<Boolean>) () -> {
                start.await();
                return store.retire(token.id(), racer % 2 == 0 ? RefreshTokenState.REVOKED : RefreshTokenState.BLACKLISTED, NOW);
            }).toList(), start);

            assertThat(outcomes).containsOnlyOnce(true).hasSize(RACERS);
            assertThat(stateOf(store, token.id())).isPresent().get().isNotEqualTo(RefreshTokenState.ACTIVE);
        }
    }

    /** As concurrent exchanges of one token do: each has recorded its own successor, and exactly one may rotate. */
    @Test
    void letsExactlyOneOfManyConcurrentRotationsWinAndNamesItsSuccessor() throws Exception {
        for (int round = 0; round < 5; round++) {
            IssuedRefreshToken parent = recorded(FUTURE);
            List<IssuedRefreshToken> successors = IntStream.range(0, RACERS).mapToObj(racer -> successorOf(parent)).toList();
            CountDownLatch start = new CountDownLatch(1);

            List<Boolean> outcomes = all(successors.stream().map(successor -> (Callable<Boolean>) () -> {
                start.await();
                return store.rotate(parent.id(), successor.id(), NOW);
            }).toList(), start);

            assertThat(outcomes).containsOnlyOnce(true).hasSize(RACERS);
            TokenId winners = successors.get(outcomes.indexOf(true)).id();
            assertThat(store.activeSuccessorOf(parent.id())).contains(winners);
            assertThat(stateOf(store, parent.id())).contains(RefreshTokenState.ROTATED);
        }
    }

    /** An exchange racing a logout of the same token: one of them wins, and a successor is named only if a rotation did. */
    @Test
    void letsExactlyOneOfConcurrentRotationsAndLogoutsWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            IssuedRefreshToken parent = recorded(FUTURE);
            List<IssuedRefreshToken> successors = IntStream.range(0, RACERS).mapToObj(racer -> successorOf(parent)).toList();
            CountDownLatch start = new CountDownLatch(1);

            List<Boolean> outcomes = all(IntStream.range(0, RACERS).mapToObj(racer -> (Callable<Boolean>) () -> {
                start.await();
                return racer % 2 == 0
                        ? store.rotate(parent.id(), successors.get(racer).id(), NOW)
                        : store.retire(parent.id(), RefreshTokenState.BLACKLISTED, NOW);
            }).toList(), start);

            assertThat(outcomes).containsOnlyOnce(true).hasSize(RACERS);
            int winner = outcomes.indexOf(true);
            if (winner % 2 == 0) {
                assertThat(stateOf(store, parent.id())).contains(RefreshTokenState.ROTATED);
                assertThat(store.activeSuccessorOf(parent.id())).contains(successors.get(winner).id());
            } else {
                assertThat(stateOf(store, parent.id())).contains(RefreshTokenState.BLACKLISTED);
                assertThat(store.activeSuccessorOf(parent.id())).isEmpty();
            }
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

        assertThat(stateOf(store, expired.get(0).id())).isEmpty();
        assertThat(stateOf(store, expired.get(2_499).id())).isEmpty();
        assertThat(stateOf(store, expiringNow.id())).contains(RefreshTokenState.ACTIVE);
        assertThat(stateOf(store, live.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void deletesTheOldestFirst() {
        IssuedRefreshToken oldest = recorded(FLUSH_TIME.minus(2, ChronoUnit.DAYS));
        IssuedRefreshToken newer = recorded(FLUSH_TIME.minus(1, ChronoUnit.DAYS));

        assertThat(store.deleteExpired(FLUSH_TIME, 1)).isEqualTo(1);

        assertThat(stateOf(store, oldest.id())).isEmpty();
        assertThat(stateOf(store, newer.id())).isPresent();
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

            assertThatThrownBy(() -> stateOf(offline, newTokenId())).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.retire(newTokenId(), RefreshTokenState.BLACKLISTED, NOW))
                    .isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.rotate(newTokenId(), newTokenId(), NOW)).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.deleteExpired(FLUSH_TIME, 10)).isInstanceOf(StoreUnavailable.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void reportsADatabaseStoppedUnderItsPoolAsUnavailable() throws Exception {
        try (TestDatabase.PrivateDatabase privateDatabase = database.startPrivate()) {
            JdbcRefreshTokenStore running = privateDatabase.context().getBean(JdbcRefreshTokenStore.class);
            UserId user = privateDatabase.context().getBean(JdbcUserStore.class)
                    .add(new Username("stopped"), new PasswordHash("$argon2id$hash"), true, NOW).id();
            IssuedRefreshToken token = new IssuedRefreshToken(newTokenId(), user, new FamilyId("family-" + randomHex()),
                    Optional.empty(), FUTURE);
            running.record(token);

            privateDatabase.stopServer();
            long start = System.nanoTime();

            assertThatThrownBy(() -> running.rotate(token.id(), newTokenId(), NOW)).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> stateOf(running, token.id())).isInstanceOf(StoreUnavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void servesAgainOnceTheDatabaseIsBackWithoutANewPool() throws Exception {
        try (TestDatabase.PrivateDatabase privateDatabase = database.startPrivate()) {
            JdbcRefreshTokenStore running = privateDatabase.context().getBean(JdbcRefreshTokenStore.class);
            UserId user = privateDatabase.context().getBean(JdbcUserStore.class)
                    .add(new Username("restarted"), new PasswordHash("$argon2id$hash"), true, NOW).id();
            IssuedRefreshToken token = new IssuedRefreshToken(newTokenId(), user, new FamilyId("family-" + randomHex()),
                    Optional.empty(), FUTURE);
            running.record(token);
            privateDatabase.stopServer();
            assertThatThrownBy(() -> stateOf(running, token.id())).isInstanceOf(StoreUnavailable.class);

            privateDatabase.restartServer();

            assertThat(firstAnswer(() -> stateOf(running, token.id()))).contains(RefreshTokenState.ACTIVE);
            assertThat(running.retire(token.id(), RefreshTokenState.BLACKLISTED, NOW)).isTrue();
        }
    }

    /**
     * Asks until the store answers rather than reporting an outage: right after a restart the store may still turn
     * calls away for a moment, by design. Gives up after a generous while, which only a broken recovery reaches.
     */
    private static <T> T firstAnswer(Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return call.call();
            } catch (StoreUnavailable stillDown) {
                if (System.nanoTime() - deadline > 0) {
                    throw stillDown;
                }
                Thread.sleep(100);
            }
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

    /** A successor of {@code parent}, recorded as an exchange records it before it rotates the parent. */
    private IssuedRefreshToken successorOf(IssuedRefreshToken parent) {
        IssuedRefreshToken successor = new IssuedRefreshToken(newTokenId(), owner, parent.family(), Optional.of(parent.id()),
                FUTURE);
        store.record(successor);
        return successor;
    }

    private IssuedRefreshToken token(Instant expiresAt, Optional<TokenId> parent) {
        return new IssuedRefreshToken(newTokenId(), owner, newFamilyId(), parent, expiresAt);
    }

    private IssuedRefreshToken token(FamilyId family, Instant expiresAt) {
        return new IssuedRefreshToken(newTokenId(), owner, family, Optional.empty(), expiresAt);
    }

    private static Optional<RefreshTokenState> stateOf(JdbcRefreshTokenStore store, TokenId id) {
        return store.find(id).map(StoredRefreshToken::state);
    }

    private static TokenId newTokenId() {
        return new TokenId("token-" + randomHex());
    }

    private static FamilyId newFamilyId() {
        return new FamilyId("family-" + randomHex());
    }

    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
