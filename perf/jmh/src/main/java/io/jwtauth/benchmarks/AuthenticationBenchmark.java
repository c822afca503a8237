package io.jwtauth.benchmarks;

import io.jwtauth.adapter.crypto.KeySettings;
import io.jwtauth.adapter.crypto.NimbusTokenCodec;
import io.jwtauth.adapter.crypto.SecureRandomIds;
import io.jwtauth.adapter.crypto.SigningKeys;
import io.jwtauth.adapter.persistence.CachingUserStore;
import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.service.TokenIssuer;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.domain.service.TokenVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authentication of one protected request, as the service wires it, minus HTTP: verify the bearer token (HS256)
 * and find its owner through the user cache, which is warm as it is under load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthenticationBenchmark {

    private AuthenticateAccessToken authenticate;
    private CachingUserStore users;
    private AuthenticateAccessToken.Command command;

    @Setup
    public void setUp() {
        SigningKeys keys = SigningKeys.load(new KeySettings("HS256",
                Optional.of("a-benchmark-secret-that-is-long-enough-for-hs256"), Optional.empty(), Optional.empty(),
                Path.of("unused-with-a-configured-secret")));
        NimbusTokenCodec codec = new NimbusTokenCodec(keys, Optional.empty(), Optional.empty());
        TokenSettings settings = new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), false, false,
                Duration.ZERO, Duration.ZERO);
        User user = new User(new UserId(1), new Username("myuser"), new PasswordHash("$argon2id$unused"), true,
                Instant.EPOCH);
        OneUser database = new OneUser(user);
        // A day rather than the service's 5 s, so that the owner stays cached for the whole measurement.
        users = new CachingUserStore(database, Duration.ofDays(1), 100_000, Runnable::run);
        users.findById(user.id());
        authenticate = new AuthenticateAccessToken(new TokenVerifier(codec, Clock.systemUTC(), Duration.ZERO), users);
        String token = codec.encode(new TokenIssuer(settings, new SecureRandomIds()).access(user.id(), Instant.now()));
        command = new AuthenticateAccessToken.Command(token);
    }

    /** What the REST adapter's fetcher does for a cached owner: verify, ask the cache, check the owner. */
    @Benchmark
    public AuthenticateAccessToken.AuthenticatedUser authenticate() {
        AuthenticateAccessToken.VerifiedAccessToken verified = authenticate.verify(command);
        if (!users.holds(verified.ownerId())) {
            throw new IllegalStateException("the owner should be cached");
        }
        return authenticate.authenticate(verified);
    }

    /**
     * The database behind the cache, holding the benchmark's one user. The cache is filled before measuring, so it is
     * read once; the benchmark writes nothing, so writes are refused rather than pretended.
     */
    private record OneUser(User user) implements UserStore {

        @Override
        public Optional<User> findByUsername(Username username) {
            return Optional.of(user).filter(candidate -> candidate.username().equals(username));
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.of(user).filter(candidate -> candidate.id().equals(id));
        }

        @Override
        public User add(Username username, PasswordHash passwordHash, boolean active, Instant now) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }

        @Override
        public void changePassword(UserId id, PasswordHash passwordHash, Instant now) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }

        @Override
        public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }

        @Override
        public void deactivate(UserId id, Instant now) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }

        @Override
        public void activate(UserId id) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }
    }
}
