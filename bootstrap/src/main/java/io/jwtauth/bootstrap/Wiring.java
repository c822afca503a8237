package io.jwtauth.bootstrap;

import io.jwtauth.adapter.crypto.Argon2PasswordHasher;
import io.jwtauth.adapter.crypto.BoundedPasswordHasher;
import io.jwtauth.adapter.crypto.DjangoPasswordHashes;
import io.jwtauth.adapter.crypto.KeySettings;
import io.jwtauth.adapter.crypto.MigratingPasswordHasher;
import io.jwtauth.adapter.crypto.NimbusTokenCodec;
import io.jwtauth.adapter.crypto.SecureRandomIds;
import io.jwtauth.adapter.persistence.CachingUserStore;
import io.jwtauth.adapter.persistence.JdbcUserStore;
import io.jwtauth.adapter.rest.UserCache;
import io.jwtauth.adapter.crypto.SigningKeys;
import io.jwtauth.application.ActiveRefreshTokens;
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
import io.jwtauth.domain.service.TokenIssuer;
import io.jwtauth.domain.service.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one place where the core meets the adapters: every use case is built here, by hand, from the ports'
 * implementations and the configuration. The core itself knows nothing of Micronaut.
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
     * it on a bounded pool, so that a burst of logins waits or is refused rather than exhausting memory. Built at
     * start-up, so that impossible Argon2 parameters or pool sizes stop the service before it serves anything.
     */
    @Context
    @Bean(preDestroy = "close")
    BoundedPasswordHasher passwordHasher(PasswordHashingProperties hashing, MeterRegistry metrics) {
        return new BoundedPasswordHasher(new MigratingPasswordHasher(
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
     */
    @Primary
    @Singleton
    CachingUserStore userStore(JdbcUserStore database, AuthProperties auth) {
        return new CachingUserStore(database, auth.userCacheTtl(), MAX_CACHED_USERS);
    }

    /** Lets the REST adapter's authentication check cached owners on the event loop and the others where it may wait. */
    @Singleton
    UserCache userCache(CachingUserStore users) {
        return users::holds;
    }

    @Singleton
    TokenIssuer tokenIssuer(TokenSettings settings, RandomIds randomIds) {
        return new TokenIssuer(settings, randomIds);
    }

    @Singleton
    TokenVerifier tokenVerifier(TokenCodec codec, Clock clock, TokenSettings settings) {
        return new TokenVerifier(codec, clock, settings.leeway());
    }

    @Singleton
    ActiveRefreshTokens activeRefreshTokens(TokenVerifier verifier, RefreshTokenStore store) {
        return new ActiveRefreshTokens(verifier, store);
    }

    /** Built at start-up, so that a nonsensical throttle setting stops the service before it serves anything. */
    @Context
    LoginThrottlePolicy loginThrottlePolicy(LoginThrottleProperties throttle) {
        return throttle.policy();
    }

    @Singleton
    ObtainTokenPair obtainTokenPair(UserStore users, RefreshTokenStore refreshTokens, PasswordHasher hasher,
                                    TokenIssuer issuer, TokenCodec codec, LoginFailureStore loginFailures,
                                    LoginThrottlePolicy throttle, SecurityEvents events, Clock clock) {
        return new ObtainTokenPair(users, refreshTokens, hasher, issuer, codec, loginFailures, throttle, events, clock);
    }

    @Singleton
    RefreshAccessToken refreshAccessToken(ActiveRefreshTokens active, RefreshTokenStore refreshTokens, UserStore users,
                                          TokenIssuer issuer, TokenCodec codec, TokenSettings settings,
                                          SecurityEvents events, Clock clock) {
        return new RefreshAccessToken(active, refreshTokens, users, issuer, codec, settings, events, clock);
    }

    @Singleton
    VerifyToken verifyToken(TokenVerifier verifier, ActiveRefreshTokens active, UserStore users) {
        return new VerifyToken(verifier, active, users);
    }

    @Singleton
    BlacklistRefreshToken blacklistRefreshToken(ActiveRefreshTokens active, RefreshTokenStore refreshTokens,
                                                SecurityEvents events, Clock clock) {
        return new BlacklistRefreshToken(active, refreshTokens, events, clock);
    }

    @Singleton
    RevokeAllRefreshTokens revokeAllRefreshTokens(RefreshTokenStore refreshTokens, SecurityEvents events, Clock clock) {
        return new RevokeAllRefreshTokens(refreshTokens, events, clock);
    }

    @Singleton
    ChangePassword changePassword(UserStore users, RefreshTokenStore refreshTokens, PasswordHasher hasher,
                                  LoginFailureStore failures, LoginThrottlePolicy throttle, SecurityEvents events,
                                  Clock clock) {
        return new ChangePassword(users, refreshTokens, hasher, failures, throttle, events, clock);
    }

    @Singleton
    AuthenticateAccessToken authenticateAccessToken(TokenVerifier verifier, UserStore users) {
        return new AuthenticateAccessToken(verifier, users);
    }

    @Singleton
    CreateUser createUser(UserStore users, PasswordHasher hasher, Clock clock) {
        return new CreateUser(users, hasher, clock);
    }

    @Singleton
    SetPassword setPassword(UserStore users, RefreshTokenStore refreshTokens, PasswordHasher hasher, Clock clock) {
        return new SetPassword(users, refreshTokens, hasher, clock);
    }

    @Singleton
    SetUserActive setUserActive(UserStore users, RefreshTokenStore refreshTokens, Clock clock) {
        return new SetUserActive(users, refreshTokens, clock);
    }

    /** The signing keys are the {@code VerificationKeys} port: they know which public keys may be published. */
    @Singleton
    PublishVerificationKeys publishVerificationKeys(SigningKeys keys) {
        return new PublishVerificationKeys(keys);
    }

    @Singleton
    ImportUser importUser(UserStore users, PasswordHasher hasher, Clock clock) {
        return new ImportUser(users, hasher, clock);
    }

    @Singleton
    FlushForgottenLoginFailures flushForgottenLoginFailures(LoginFailureStore loginFailures, LoginThrottlePolicy throttle,
                                                            Clock clock) {
        return new FlushForgottenLoginFailures(loginFailures, throttle, clock, FLUSH_BATCH_SIZE);
    }

    @Singleton
    FlushExpiredTokens flushExpiredTokens(RefreshTokenStore refreshTokens, Clock clock) {
        return new FlushExpiredTokens(refreshTokens, clock, FLUSH_BATCH_SIZE);
    }
}
