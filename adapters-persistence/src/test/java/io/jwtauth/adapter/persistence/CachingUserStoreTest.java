package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.fake.InMemoryUserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache bounds staleness: changes through it are seen at once, changes elsewhere within its maximum age. */
class CachingUserStoreTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$hash");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    // Another node's view of the same database: it writes behind this cache's back.
    private final InMemoryUserStore database = new InMemoryUserStore();
    /** The renewals started, run when a test says so. */
    private final Deque<Runnable> renewals = new ArrayDeque<>();
    /** Runs inside the next read that reaches the database, after it has read: a change landing during a renewal. */
    private Runnable afterNextRead = () -> { };
    private boolean databaseAway;
    private final CachingUserStore cached =
            new CachingUserStore(new CountingReads(), MAX_AGE, 1_000, renewals::add, nanos::get);

    @Test
    void repeatedLookupsWithinTheMaximumAgeReadOnce() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);

        for (int i = 0; i < 10; i++) {
            assertThat(cached.findById(user.id())).contains(user);
        }

        assertThat(reads).hasValue(1);
    }

    @Test
    void changesThroughTheCacheAreSeenAtOnce() {
        User user = cached.add(new Username("myuser"), HASH, true, NOW);
        cached.findById(user.id());

        cached.deactivate(user.id(), NOW.plusSeconds(1));

        assertThat(cached.findById(user.id())).map(User::active).contains(false);
        cached.activate(user.id());
        assertThat(cached.findById(user.id())).map(User::active).contains(true);
        cached.changePassword(user.id(), new PasswordHash("$argon2id$new"), NOW.plusSeconds(2));
        assertThat(cached.findById(user.id())).map(User::credentialsChangedAt).contains(NOW.plusSeconds(2));
    }

    @Test
    void changesElsewhereAreSeenWithinTheMaximumAge() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        cached.findById(user.id());

        database.deactivate(user.id(), NOW.plusSeconds(1));
        nanos.addAndGet(MAX_AGE.minusMillis(1).toNanos());
        assertThat(cached.findById(user.id())).map(User::active).contains(true);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cached.findById(user.id())).map(User::active).contains(false);
    }

    @Test
    void itHoldsWhatItWillAnswerFromMemoryUntilAMarginBeforeExpiry() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        assertThat(cached.holds(user.id())).isFalse();

        cached.findById(user.id());
        assertThat(cached.holds(user.id())).isTrue();
        nanos.addAndGet(MAX_AGE.minus(CachingUserStore.HOLD_MARGIN).minusNanos(1).toNanos());
        assertThat(cached.holds(user.id())).isTrue();
        nanos.addAndGet(1);
        // Still cached, but close enough to expiry that the lookup right after might have to read the database.
        assertThat(cached.holds(user.id())).isFalse();
        assertThat(cached.findById(user.id())).contains(user);
        assertThat(reads).hasValue(1);

        cached.deactivate(user.id(), NOW.plusSeconds(1));
        assertThat(cached.holds(user.id())).isFalse();
        UserId unknown = new UserId(42);
        cached.findById(unknown);
        assertThat(cached.holds(unknown)).as("a known absence is answered from memory too").isTrue();
        assertThat(cached.findById(unknown)).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aHeldUserIsRenewedBeforeTheCacheStopsHoldingIt() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        cached.findById(user.id());
        Duration renewal = CachingUserStore.refreshAge(MAX_AGE);
        nanos.addAndGet(renewal.minusNanos(1).toNanos());
        assertThat(cached.holds(user.id())).isTrue();
        assertThat(renewals).as("not yet due").isEmpty();

        nanos.addAndGet(1);
        assertThat(cached.holds(user.id())).isTrue();
        assertThat(cached.holds(user.id())).isTrue();
        assertThat(renewals).as("one renewal, however often it is asked").hasSize(1);
        assertThat(cached.cache().stats().requestCount()).as("questions and renewals are not lookups").isEqualTo(1);
        database.deactivate(user.id(), NOW.plusSeconds(1));
        assertThat(cached.findById(user.id())).map(User::active).contains(true);

        renewals.remove().run();
        assertThat(reads).hasValue(2);
        assertThat(cached.findById(user.id())).map(User::active).contains(false);
        assertThat(cached.cache().stats().missCount()).as("the renewal's read is no miss").isEqualTo(1);
        nanos.addAndGet(MAX_AGE.minus(renewal).toNanos());
        assertThat(cached.holds(user.id())).as("its age started again with the renewal").isTrue();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRenewalThatRacesAChangeThroughThisInstanceDoesNotBringBackWhatItRead() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        cached.findById(user.id());
        nanos.addAndGet(CachingUserStore.refreshAge(MAX_AGE).toNanos());
        cached.holds(user.id());

        afterNextRead = () -> {
            cached.deactivate(user.id(), NOW.plusSeconds(1));
            assertThat(cached.findById(user.id())).map(User::active).contains(false);
        };
        renewals.remove().run();

        assertThat(reads).hasValue(3);
        assertThat(cached.findById(user.id())).map(User::active).contains(false);
    }

    @Test
    void aFailedRenewalLeavesTheEntryToExpireAtItsTimeAndTheNextOneMayTry() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        cached.findById(user.id());
        nanos.addAndGet(CachingUserStore.refreshAge(MAX_AGE).toNanos());
        cached.holds(user.id());
        databaseAway = true;

        renewals.remove().run();
        assertThat(cached.holds(user.id())).isTrue();
        assertThat(renewals).as("a later question starts another").hasSize(1);
        assertThat(cached.findById(user.id())).contains(user);

        nanos.addAndGet(CachingUserStore.HOLD_MARGIN.toNanos());
        assertThat(cached.holds(user.id())).isFalse();
        nanos.addAndGet(CachingUserStore.HOLD_MARGIN.toNanos());
        assertThatThrownBy(() -> cached.findById(user.id())).isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void aRenewalRefusedByAFullPoolIsTriedAgainLater() {
        AtomicInteger attempts = new AtomicInteger();
        CachingUserStore refusing = new CachingUserStore(new CountingReads(), MAX_AGE, 1_000, task -> {
            attempts.incrementAndGet();
            throw new RejectedExecutionException("full");
        }, nanos::get);
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        refusing.findById(user.id());
        nanos.addAndGet(CachingUserStore.refreshAge(MAX_AGE).toNanos());

        assertThat(refusing.holds(user.id())).isTrue();
        assertThat(refusing.holds(user.id())).isTrue();
        assertThat(attempts).as("each question tried again").hasValue(2);
        assertThat(reads).hasValue(1);
    }

    @Test
    void renewalsStartOneMarginBeforeTheHoldEndsButNotBeforeHalfTheMaximumAge() {
        assertThat(CachingUserStore.refreshAge(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(3));
        assertThat(CachingUserStore.refreshAge(Duration.ofDays(1))).isEqualTo(Duration.ofDays(1).minusSeconds(2));
        assertThat(CachingUserStore.refreshAge(Duration.ofMillis(1500))).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void unknownUsersAreCachedAsUnknownForNoLonger() {
        UserId unknown = new UserId(42);
        assertThat(cached.findById(unknown)).isEmpty();
        assertThat(cached.findById(unknown)).isEmpty();
        assertThat(reads).hasValue(1);

        nanos.addAndGet(MAX_AGE.toNanos());
        cached.findById(unknown);
        assertThat(reads).hasValue(2);
    }

    @Test
    void loginLookupsByNameAlwaysReadTheStore() {
        User user = database.add(new Username("myuser"), HASH, true, NOW);
        database.deactivate(user.id(), NOW);
        assertThat(cached.findByUsername(new Username("myuser"))).map(User::active).contains(false);
    }

    /** The database behind the cache, counting the lookups by id that reach it. */
    private final class CountingReads implements io.jwtauth.domain.port.UserStore {
        @Override
        public Optional<User> findById(UserId id) {
            reads.incrementAndGet();
            if (databaseAway) {
                throw new StoreUnavailable("the database is away", new RuntimeException("connection refused"));
            }
            Optional<User> user = database.findById(id);
            Runnable change = afterNextRead;
            afterNextRead = () -> { };
            change.run();
            return user;
        }

        @Override
        public Optional<User> findByUsername(Username username) {
            return database.findByUsername(username);
        }

        @Override
        public User add(Username username, PasswordHash passwordHash, boolean active, Instant now) {
            return database.add(username, passwordHash, active, now);
        }

        @Override
        public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
            return database.replacePasswordHash(id, expected, replacement);
        }

        @Override
        public void changePassword(UserId id, PasswordHash passwordHash, Instant now) {
            database.changePassword(id, passwordHash, now);
        }

        @Override
        public void deactivate(UserId id, Instant now) {
            database.deactivate(id, now);
        }

        @Override
        public void activate(UserId id) {
            database.activate(id);
        }
    }
}
