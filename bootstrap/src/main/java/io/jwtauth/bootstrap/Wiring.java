package io.jwtauth.bootstrap;

import io.jwtauth.adapter.crypto.KeySettings;
import io.jwtauth.adapter.crypto.NimbusTokenCodec;
import io.jwtauth.adapter.crypto.SecureRandomIds;
import io.jwtauth.adapter.persistence.CachingUserStore;
import io.jwtauth.adapter.persistence.JdbcUserStore;
import io.jwtauth.adapter.rest.UserCache;
import io.jwtauth.adapter.crypto.SigningKeys;
import io.jwtauth.adapter.password.Argon2PasswordHasher;
import io.jwtauth.adapter.password.BulkheadPasswordHasher;
import io.jwtauth.adapter.password.DjangoPasswordHashes;
import io.jwtauth.adapter.password.MigratingPasswordHasher;
import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.application.BlacklistRefreshToken;
import io.jwtauth.application.ChangePassword;
import io.jwtauth.application.CreateUser;
import io.jwtauth.application.FlushExpiredTokens;
import io.jwtauth.application.FlushForgottenLoginFailures;
import io.jwtauth.application.ImportUser;
import io.jwtauth.application.ObtainTokenPair;
import io.jwtauth.application.PublishVerificationKeys;
import io.jwtauth.application.RefreshAccessToken;
import io.jwtauth.application.RevokeAllRefreshTokens;
import io.jwtauth.application.SetPassword;
import io.jwtauth.application.SetUserActive;
import io.jwtauth.application.UseCases;
import io.jwtauth.application.VerifyToken;
import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.port.LoginFailureStore;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RandomIds;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.SecurityEvents;
import io.jwtauth.domain.port.TokenCodec;
import io.jwtauth.domain.port.UserStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * The one place where the core meets the adapters: the application's {@link UseCases} graph is built here from the
 * ports' implementations and the configuration, and each use case is handed to Micronaut as a bean. The core itself
 * knows nothing of Micronaut.
 */
@Factory
final class Wiring {

    /** Rows deleted per statement by the flushes, small enough that no statement holds the table for long. */
    private static final int FLUSH_BATCH_SIZE = 1_000;
    /** About 30 MB at most for the user cache; beyond it the least used entries go first. */
    private static final long MAX_CACHED_USERS = 100_000;

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    TokenSettings tokenSettings(AuthProperties auth) {
        return new TokenSettings(auth.accessTokenLifetime(), auth.refreshTokenLifetime(), auth.rotateRefreshTokens(),
                auth.blacklistAfterRotation(), auth.leeway(), auth.refreshReuseGracePeriod());
    }

    /** Built at start-up, so that a bad key stops the service before it serves anything. */
    @Context
    SigningKeys signingKeys(AuthProperties auth) {
        return SigningKeys.load(new KeySettings(auth.algorithm(), auth.configuredSigningKey(), auth.configuredKeyId(),
                auth.configuredVerificationKeys(), auth.dataDir()));
    }

    @Singleton
    TokenCodec tokenCodec(SigningKeys keys, AuthProperties auth) {
        return new NimbusTokenCodec(keys, auth.configuredIssuer(), auth.configuredAudience());
    }

    /**
     * Argon2id for new hashes; Django's schemes read for imported users until their first login replaces them; all of
     * it behind a thread-pool bulkhead, so that a burst of logins waits or is refused rather than exhausting memory. Built at
     * start-up, so that impossible Argon2 parameters or pool sizes stop the service before it serves anything.
     */
    @Context
    @Bean(preDestroy = "close")
    BulkheadPasswordHasher passwordHasher(PasswordHashingProperties hashing, MeterRegistry metrics) {
        return new BulkheadPasswordHasher(new MigratingPasswordHasher(
                new Argon2PasswordHasher(hashing.memoryKib(), hashing.iterations(), hashing.parallelism(),
                        hashing.threadCount()),
                new DjangoPasswordHashes()), hashing.threadCount(), hashing.queue(),
                pool -> ExecutorServiceMetrics.monitor(metrics, pool, "password.hashing"));
    }

    @Singleton
    RandomIds randomIds() {
        return new SecureRandomIds();
    }

    /**
     * Every use case sees users through a short-lived cache of lookups by id, so that protected requests cost no
     * database round trip; {@code auth.user-cache-ttl} bounds how long another instance's change takes to be seen.
     * Entries in use are renewed on the blocking pool, looked up only when the first renewal is due, so that an
     * operator command, which never renews, does not create the pool.
     */
    @Primary
    @Singleton
    CachingUserStore userStore(JdbcUserStore database, AuthProperties auth,
                               @Named(TaskExecutors.BLOCKING) BeanProvider<ExecutorService> blocking) {
        return new CachingUserStore(database, auth.userCacheTtl(), MAX_CACHED_USERS,
                renewal -> blocking.get().execute(renewal));
    }

    /** Lets the REST adapter's authentication check cached owners on the event loop and the others where it may wait. */
    @Singleton
    UserCache userCache(CachingUserStore users) {
        return users::holds;
    }

    /** Built at start-up, so that a nonsensical throttle setting stops the service before it serves anything. */
    @Context
    LoginThrottlePolicy loginThrottlePolicy(LoginThrottleProperties throttle) {
        return throttle.policy();
    }

    /** The application's graph of use cases, on the real adapters; the beans below hand out its parts. */
    @Singleton
    UseCases useCases(UserStore users, RefreshTokenStore refreshTokens, LoginFailureStore loginFailures,
                      PasswordHasher hasher, TokenCodec codec, RandomIds randomIds, SigningKeys keys,
                      SecurityEvents events, Clock clock, TokenSettings settings, LoginThrottlePolicy throttle) {
        // The signing keys are the VerificationKeys port: they know which public keys may be published.
        return new UseCases(new UseCases.Ports(users, refreshTokens, loginFailures, hasher, codec, randomIds, keys,
                events, clock), new UseCases.Settings(settings, throttle, FLUSH_BATCH_SIZE));
    }

    @Singleton
    ObtainTokenPair obtainTokenPair(UseCases useCases) {
        return useCases.obtainTokenPair();
    }

    @Singleton
    RefreshAccessToken refreshAccessToken(UseCases useCases) {
        return useCases.refreshAccessToken();
    }

    @Singleton
    VerifyToken verifyToken(UseCases useCases) {
        return useCases.verifyToken();
    }

    @Singleton
    BlacklistRefreshToken blacklistRefreshToken(UseCases useCases) {
        return useCases.blacklistRefreshToken();
    }

    @Singleton
    RevokeAllRefreshTokens revokeAllRefreshTokens(UseCases useCases) {
        return useCases.revokeAllRefreshTokens();
    }

    @Singleton
    ChangePassword changePassword(UseCases useCases) {
        return useCases.changePassword();
    }

    @Singleton
    AuthenticateAccessToken authenticateAccessToken(UseCases useCases) {
        return useCases.authenticateAccessToken();
    }

    @Singleton
    CreateUser createUser(UseCases useCases) {
        return useCases.createUser();
    }

    @Singleton
    SetPassword setPassword(UseCases useCases) {
        return useCases.setPassword();
    }

    @Singleton
    SetUserActive setUserActive(UseCases useCases) {
        return useCases.setUserActive();
    }

    @Singleton
    PublishVerificationKeys publishVerificationKeys(UseCases useCases) {
        return useCases.publishVerificationKeys();
    }

    @Singleton
    ImportUser importUser(UseCases useCases) {
        return useCases.importUser();
    }

    @Singleton
    FlushForgottenLoginFailures flushForgottenLoginFailures(UseCases useCases) {
        return useCases.flushForgottenLoginFailures();
    }

    @Singleton
    FlushExpiredTokens flushExpiredTokens(UseCases useCases) {
        return useCases.flushExpiredTokens();
    }
}
