package io.jwtauth.benchmarks;

import io.jwtauth.adapter.password.Argon2PasswordHasher;
import io.jwtauth.adapter.password.BulkheadPasswordHasher;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Argon2id at the service's parameters (19 MiB, t=2, p=1), with memory kept for one hash per core as the service keeps it.
 * Run with {@code -t} equal to the cores ({@code -t 2}) for
 * the machine's hash rate, the ceiling for logins per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PasswordHashingBenchmark {

    private Argon2PasswordHasher hasher;
    private BulkheadPasswordHasher bulkhead;
    private PlainPassword password;
    private PasswordHash hash;

    @Setup
    public void setUp() {
        hasher = new Argon2PasswordHasher(Argon2PasswordHasher.DEFAULT_MEMORY_KIB, Argon2PasswordHasher.DEFAULT_ITERATIONS,
                Argon2PasswordHasher.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
        password = new PlainPassword("mypassword");
        hash = hasher.hash(password);
        // As the service wires it: one thread per core, and a queue deep enough that the benchmark's threads never wait.
        int cores = Runtime.getRuntime().availableProcessors();
        bulkhead = new BulkheadPasswordHasher(hasher, cores, 64);
    }

    @TearDown
    public void tearDown() {
        bulkhead.close();
    }

    /** What a login costs: one check of a password against its stored hash. */
    @Benchmark
    public boolean verify() {
        return hasher.matches(password, hash);
    }

    /** The same check as the service runs it, through the bulkhead: what the bulkhead adds to a login. */
    @Benchmark
    public boolean verifyThroughBulkhead() {
        return bulkhead.matches(password, hash);
    }
}
