package io.jwtauth.benchmarks;

import io.jwtauth.adapter.crypto.KeySettings;
import io.jwtauth.adapter.crypto.NimbusTokenCodec;
import io.jwtauth.adapter.crypto.SigningKeys;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and strictly verifying one access token, per algorithm. HS algorithms use a fixed secret; key-pair
 * algorithms the key the embedded default generates, in a folder of the benchmark's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCodecBenchmark {

    private static final String SECRET = "a-benchmark-secret-that-is-long-enough-for-hs512-0123456789abcdef0123456789";

    @Param({"HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "ES384"})
    public String algorithm;

    private NimbusTokenCodec codec;
    private Claims claims;
    private String token;

    @Setup
    public void setUp() throws IOException {
        Optional<String> secret = algorithm.startsWith("HS") ? Optional.of(SECRET) : Optional.empty();
        SigningKeys keys = SigningKeys.load(new KeySettings(algorithm, secret, Optional.empty(), Optional.empty(),
                Files.createTempDirectory("jwt-auth-benchmark")));
        codec = new NimbusTokenCodec(keys, Optional.empty(), Optional.empty());
        Instant now = Instant.now();
        claims = new Claims(TokenType.ACCESS, new TokenId("0123456789abcdef0123456789abcdef"), new UserId(1), now,
                now.plusSeconds(300), Optional.empty(), Optional.empty());
        token = codec.encode(claims);
    }

    @Benchmark
    public String encode() {
        return codec.encode(claims);
    }

    @Benchmark
    public Claims decode() {
        return codec.decode(token);
    }
}
