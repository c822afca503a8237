package io.jwtauth.adapter.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Few hashes on purpose: each one costs tens of milliseconds. */
class Argon2PasswordHasherTest {

    private static final PlainPassword PASSWORD = new PlainPassword("correct horse battery staple");

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashesWithArgon2idAndTheOwaspParametersAndChecksThePassword() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(hasher.matches(new PlainPassword("correct horse battery stapler"), hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not a hash",
            "$argon2id$v=19$m=19456,t=2,p=1$!!!!$!!!!",
            "$argon2id$v=19$m=0,t=0,p=0$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=19456,t=2$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA",
            "pbkdf2_sha256$870000$c29tZXNhbHQ$aGFzaA=="})
    void answersFalseForAHashItCannotRead(String garbled) {
        assertThat(hasher.matches(PASSWORD, new PasswordHash(garbled))).isFalse();
    }

    @Test
    void asksToUpgradeHashesMadeWithWeakerParameters() {
        PasswordHash fewerIterations = new Argon2PasswordHasher(19_456, 1, 1, 1).hash(PASSWORD);
        PasswordHash lessMemory = new Argon2PasswordHasher(8_192, 2, 1, 1).hash(PASSWORD);

        assertThat(hasher.needsRehash(fewerIterations)).isTrue();
        assertThat(hasher.needsRehash(lessMemory)).isTrue();
        assertThat(hasher.needsRehash(new PasswordHash("not a hash"))).isTrue();
        assertThat(hasher.needsRehash(new PasswordHash("$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")))
                .as("another variant, however costly").isTrue();
        assertThat(hasher.needsRehash(new PasswordHash(
                "$argon2id$v=16$m=65536,t=4,p=1$c29tZXNhbHRzb21lc2FsdA$prEZjPmNlLyBtGyHsRuZL/Yt/MIt+JupAEDMiOH00zI")))
                .as("Argon2's first version").isTrue();
        assertThat(hasher.matches(PASSWORD, fewerIterations)).as("older hashes still verify").isTrue();
    }

    @Test
    void recognizesArgon2InThePhcFormOnly() {
        assertThat(hasher.recognizes(hasher.hash(PASSWORD))).isTrue();
        assertThat(hasher.recognizes(new PasswordHash("$argon2i$v=19$m=512,t=2,p=2$c29tZXNhbHQ$aGFzaGhhc2g"))).isTrue();
        assertThat(hasher.recognizes(new PasswordHash("argon2$argon2id$v=19$m=512,t=2,p=2$c29tZXNhbHQ$aGFzaGhhc2g")))
                .as("Django's prefix is not the PHC form").isFalse();
        assertThat(hasher.recognizes(new PasswordHash("pbkdf2_sha256$870000$c29tZXNhbHQ$aGFzaA=="))).isFalse();
    }

    @Test
    void refusesParametersArgon2DoesNotAllow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(19_456, 0, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(7, 2, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 1, 0));
    }

    /** Made by the reference implementation's command line, {@code argon2} 20190702 from Debian. */
    @ParameterizedTest
    @CsvSource({
            "correct horse battery staple, '$argon2id$v=19$m=19456,t=2,p=1$YzI5dFpYTmhiSFJ6YjIxbGMyRnNkQQ$d0N5RAWKxU0D4c29TfG8VR17O8yTj9v9DRaLHq08YbM'",
            "password, '$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG'",
            "password, '$argon2d$v=16$m=4096,t=3,p=2$c29tZXNhbHRzb21lc2FsdA$prEZjPmNlLyBtGyHsRuZL/Yt/MIt+JupAEDMiOH00zI'",
            "password, '$argon2d$m=4096,t=3,p=2$c29tZXNhbHRzb21lc2FsdA$prEZjPmNlLyBtGyHsRuZL/Yt/MIt+JupAEDMiOH00zI'"})
    void checksHashesOfTheReferenceImplementation(String password, String encoded) {
        assertThat(hasher.matches(new PlainPassword(password), new PasswordHash(encoded))).isTrue();
        assertThat(hasher.matches(new PlainPassword(password + "!"), new PasswordHash(encoded))).isFalse();
    }

    /** The hashes stored before this hasher computed Argon2 itself were Spring Security's encoder's. */
    @Test
    void readsAndIsReadBySpringSecuritysEncoder() {
        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);

        assertThat(hasher.matches(PASSWORD, new PasswordHash(spring.encode(PASSWORD.value())))).isTrue();
        assertThat(spring.matches(PASSWORD.value(), hasher.hash(PASSWORD).encoded())).isTrue();
    }

    /**
     * Counted in bytes, not timed: without the pool every hash allocates its 19 MiB afresh, and in a small heap the
     * collector, not the hashing, then sets the rate of logins.
     */
    @Test
    void reusesItsMemoryFromOneHashToTheNext() {
        PasswordHash hash = hasher.hash(PASSWORD);
        hasher.matches(PASSWORD, hash); // loads and initialises what a first check needs
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        boolean matches = hasher.matches(PASSWORD, hash);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(matches).isTrue();
        assertThat(allocated).isLessThan(1024 * 1024);
    }

    /**
     * As many threads as arenas, each checking over and over. The hashes before are one after the other and make one
     * arena; the second is made when two checks first overlap, which may be inside the measured checks: hence one
     * arena's 4 MiB of leeway over both threads. Keeping no arenas would allocate 4 MiB for each of the 40 checks.
     */
    @Test
    void keepsAnArenaForEachConcurrentHash() throws Exception {
        Argon2PasswordHasher twoArenas = new Argon2PasswordHasher(4096, 1, 1, 2);
        PasswordHash hash = twoArenas.hash(PASSWORD);
        PasswordHash other = twoArenas.hash(new PlainPassword("another password"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CyclicBarrier bothWarm = new CyclicBarrier(2);
        Callable<Long> checker = () -> {
            assertThat(twoArenas.matches(PASSWORD, hash)).isTrue();
            bothWarm.await(1, TimeUnit.MINUTES);
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int check = 0; check < 10; check++) {
                assertThat(twoArenas.matches(PASSWORD, hash)).isTrue();
                assertThat(twoArenas.matches(PASSWORD, other)).isFalse();
            }
            return threads.getCurrentThreadAllocatedBytes() - before;
        };

        assertThat(runTwice(checker).stream().mapToLong(Long::longValue).sum()).isLessThan(6 * 1024 * 1024);
    }

    /** One arena, two threads: whichever check finds it taken works with memory of its own, and answers the same. */
    @Test
    void hashesBeyondTheArenasWorkWithMemoryOfTheirOwn() throws Exception {
        Argon2PasswordHasher oneArena = new Argon2PasswordHasher(256, 1, 1, 1);
        PasswordHash hash = oneArena.hash(PASSWORD);
        Callable<Long> checker = () -> {
            long wrong = 0;
            for (int check = 0; check < 50; check++) {
                wrong += oneArena.matches(PASSWORD, hash) ? 0 : 1;
                wrong += oneArena.matches(new PlainPassword("not it"), hash) ? 1 : 0;
            }
            return wrong;
        };

        assertThat(runTwice(checker)).containsExactly(0L, 0L);
    }

    private static List<Long> runTwice(Callable<Long> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Long> results = new ArrayList<>();
            for (Future<Long> result : pool.invokeAll(List.of(work, work))) {
                results.add(result.get(1, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
