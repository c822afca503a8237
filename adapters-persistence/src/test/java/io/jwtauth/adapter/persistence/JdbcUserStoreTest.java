package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.UsernameTaken;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The user store's contract, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcUserStoreTest {

    private static final int RACERS = 8;
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(90);

    @Parameter
    TestDatabase database;

    private JdbcUserStore store;

    @BeforeEach
    void wire() {
        store = database.bean(JdbcUserStore.class);
    }

    @Test
    void addsAnActiveUserThatIsFoundByNameAndById() {
        Username name = uniqueName("alice");

        User added = store.add(name, HASH, true, NOW);

        assertThat(added.username()).isEqualTo(name);
        assertThat(added.passwordHash()).isEqualTo(HASH);
        assertThat(added.active()).isTrue();
        assertThat(store.findByUsername(name)).contains(added);
        assertThat(store.findById(added.id())).contains(added);
    }

    @Test
    void givesEveryUserItsOwnId() {
        User first = store.add(uniqueName("first"), HASH, true, NOW);
        User second = store.add(uniqueName("second"), HASH, true, NOW);

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void findsNothingForAnUnknownNameOrId() {
        assertThat(store.findByUsername(uniqueName("nobody"))).isEmpty();
        assertThat(store.findById(new UserId(Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void refusesANameThatIsTakenAndKeepsTheFirstUser() {
        Username name = uniqueName("bob");
        User first = store.add(name, HASH, true, NOW);

        assertThatThrownBy(() -> store.add(name, new PasswordHash("other"), true, NOW))
                .isInstanceOf(UsernameTaken.class);
        assertThat(store.findByUsername(name)).contains(first);
    }

    @Test
    void letsExactlyOneOfManyConcurrentRegistrationsOfANameWin() throws Exception {
        Username name = uniqueName("race");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<User>> attempts = IntStream.range(0, RACERS).mapToObj(racer -> threads.submit(() -> {
                start.await();
                return store.add(name, HASH, true, NOW);
            })).toList();
            start.countDown();

            int won = 0;
            for (Future<User> attempt : attempts) {
                try {
                    attempt.get();
                    won++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(UsernameTaken.class);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void treatsNamesThatDifferOnlyInCaseAsDifferentUsers() {
        Username lower = uniqueName("carol");
        Username upper = new Username(lower.value().toUpperCase());
        store.add(lower, HASH, true, NOW);

        User other = store.add(upper, HASH, true, NOW);

        assertThat(store.findByUsername(upper)).contains(other);
    }

    @Test
    void keepsAUnicodeNameAsItWasGiven() {
        Username name = new Username("ñandú.Ωμέγα@日本語-" + UUID.randomUUID().toString().substring(0, 8));

        User added = store.add(name, HASH, true, NOW);

        assertThat(store.findById(added.id())).map(User::username).contains(name);
        assertThat(store.findByUsername(name)).contains(added);
    }

    @Test
    void changesThePassword() {
        User user = store.add(uniqueName("dave"), HASH, true, NOW);
        PasswordHash changed = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3aGFzaA");

        store.changePassword(user.id(), changed, LATER);

        assertThat(store.findById(user.id())).map(User::passwordHash).contains(changed);
        assertThat(store.findById(user.id())).map(User::credentialsChangedAt).contains(LATER);
    }

    @Test
    void addsAnInactiveUserInOneStep() {
        User added = store.add(uniqueName("imported"), HASH, false, NOW);

        assertThat(added.active()).isFalse();
        assertThat(store.findById(added.id())).map(User::active).contains(false);
    }

    @Test
    void replacesAHashOnlyIfItIsStillTheOneExpected() {
        User user = store.add(uniqueName("upgraded"), HASH, true, NOW);
        PasswordHash upgraded = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$dXA$dXBncmFkZWQ");
        PasswordHash setMeanwhile = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$b3A$b3BlcmF0b3I");

        assertThat(store.replacePasswordHash(user.id(), HASH, upgraded)).isTrue();
        assertThat(store.findById(user.id())).map(User::passwordHash).contains(upgraded);

        store.changePassword(user.id(), setMeanwhile, NOW);
        assertThat(store.replacePasswordHash(user.id(), upgraded, HASH)).isFalse();
        assertThat(store.findById(user.id())).map(User::passwordHash).contains(setMeanwhile);
    }

    @Test
    void ofConcurrentReplacementsOfOneHashExactlyOneWins() throws Exception {
        User user = store.add(uniqueName("upgrade-race"), HASH, true, NOW);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Boolean>> attempts = IntStream.range(0, RACERS).mapToObj(racer -> threads.submit(() -> {
                start.await();
                return store.replacePasswordHash(user.id(), HASH, new PasswordHash("$argon2id$racer-" + racer));
            })).toList();
            start.countDown();

            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void keepsWhenTheCredentialsLastChangedToTheMicrosecond() {
        User user = store.add(uniqueName("carol"), HASH, true, NOW);

        assertThat(user.credentialsChangedAt()).isEqualTo(NOW);
        assertThat(store.findById(user.id())).map(User::credentialsChangedAt).contains(NOW);
    }

    @Test
    void deactivationMovesTheCredentialsDateAndReactivationKeepsIt() {
        User user = store.add(uniqueName("erin"), HASH, true, NOW);

        store.deactivate(user.id(), LATER);
        assertThat(store.findById(user.id())).map(User::active).contains(false);

        store.activate(user.id());
        assertThat(store.findById(user.id())).map(User::active).contains(true);
        assertThat(store.findById(user.id())).map(User::credentialsChangedAt).contains(LATER);
    }

    @Test
    void ignoresChangesToAnUnknownUser() {
        UserId unknown = new UserId(Long.MAX_VALUE);

        store.changePassword(unknown, HASH, NOW);
        store.deactivate(unknown, NOW);

        assertThat(store.findById(unknown)).isEmpty();
    }

    @Test
    void reportsAnUnreachableDatabaseAsUnavailableWithinSeconds() {
        try (ApplicationContext unreachable = database.unreachable()) {
            JdbcUserStore offline = unreachable.getBean(JdbcUserStore.class);
            long start = System.nanoTime();

            assertThatThrownBy(() -> offline.findByUsername(uniqueName("frank")))
                    .isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> offline.add(uniqueName("frank"), HASH, true, NOW))
                    .isInstanceOf(StoreUnavailable.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static Username uniqueName(String prefix) {
        return new Username(prefix + "-" + UUID.randomUUID());
    }
}
