package io.jwtauth.application;

import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.port.LoginFailureStore;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RandomIds;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.SecurityEvents;
import io.jwtauth.domain.port.TokenCodec;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.domain.port.VerificationKeys;
import io.jwtauth.domain.service.CredentialRaceGuard;
import io.jwtauth.domain.service.LoginThrottle;
import io.jwtauth.domain.service.TokenIssuer;
import io.jwtauth.domain.service.TokenVerifier;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The graph of use cases, written once: which port and which domain service each use case gets. Bootstrap's wiring
 * builds it from the real adapters, the tests from in-memory fakes, so both run the same graph.
 *
 * <p>This is the one class of the application that sees the whole {@link UserStore}, {@link RefreshTokenStore} and
 * {@link LoginFailureStore}; it hands each use case only the narrow ports its client needs. The domain services shared by several use cases
 * (issuer, verifier, throttle, race guard) are built at once and shared. Each use case is built on first request and
 * then kept, because building {@link ObtainTokenPair} costs a password hash, which an operator command that never
 * logs anyone in should not pay.
 */
public final class UseCases {

    /** The driven side: what the adapters (or the fakes) implement. */
    public record Ports(UserStore users, RefreshTokenStore refreshTokens, LoginFailureStore loginFailures,
                        PasswordHasher passwordHasher, TokenCodec tokenCodec, RandomIds randomIds,
                        VerificationKeys verificationKeys, SecurityEvents events, Clock clock) {
        public Ports {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(refreshTokens, "refreshTokens");
            Objects.requireNonNull(loginFailures, "loginFailures");
            Objects.requireNonNull(passwordHasher, "passwordHasher");
            Objects.requireNonNull(tokenCodec, "tokenCodec");
            Objects.requireNonNull(randomIds, "randomIds");
            Objects.requireNonNull(verificationKeys, "verificationKeys");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** The configuration the use cases read; {@code flushBatchSize} is rows per DELETE in both flushes. */
    public record Settings(TokenSettings tokens, LoginThrottlePolicy loginThrottle, int flushBatchSize) {
        public Settings {
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(loginThrottle, "loginThrottle");
            if (flushBatchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final Ports ports;
    private final Settings settings;
    private final TokenIssuer issuer;
    private final TokenVerifier verifier;
    private final ActiveRefreshTokens activeRefreshTokens;
    private final LoginThrottle loginThrottle;
    private final CredentialRaceGuard credentialRaces;
    private final Map<Class<?>, Object> built = new ConcurrentHashMap<>();

    public UseCases(Ports ports, Settings settings) {
        this.ports = ports;
        this.settings = settings;
        this.issuer = new TokenIssuer(settings.tokens(), ports.randomIds());
        this.verifier = new TokenVerifier(ports.tokenCodec(), ports.clock(), settings.tokens().leeway());
        this.activeRefreshTokens = new ActiveRefreshTokens(verifier, ports.refreshTokens());
        this.loginThrottle = new LoginThrottle(ports.loginFailures(), settings.loginThrottle());
        this.credentialRaces = new CredentialRaceGuard(ports.users(), ports.refreshTokens());
    }

    public TokenIssuer tokenIssuer() {
        return issuer;
    }

    public TokenVerifier tokenVerifier() {
        return verifier;
    }

    public ObtainTokenPair obtainTokenPair() {
        return once(ObtainTokenPair.class, () -> new ObtainTokenPair(ports.users(), ports.users(),
                ports.refreshTokens(), ports.passwordHasher(), issuer, ports.tokenCodec(), loginThrottle,
                credentialRaces, ports.events(), ports.clock()));
    }

    public RefreshAccessToken refreshAccessToken() {
        return once(RefreshAccessToken.class, () -> new RefreshAccessToken(activeRefreshTokens, ports.refreshTokens(),
                ports.refreshTokens(), ports.users(), credentialRaces, issuer, ports.tokenCodec(), settings.tokens(),
                ports.events(), ports.clock()));
    }

    public VerifyToken verifyToken() {
        return once(VerifyToken.class, () -> new VerifyToken(verifier, activeRefreshTokens, ports.users()));
    }

    public BlacklistRefreshToken blacklistRefreshToken() {
        return once(BlacklistRefreshToken.class,
                () -> new BlacklistRefreshToken(activeRefreshTokens, ports.refreshTokens(), ports.events(),
                        ports.clock()));
    }

    public AuthenticateAccessToken authenticateAccessToken() {
        return once(AuthenticateAccessToken.class, () -> new AuthenticateAccessToken(verifier, ports.users()));
    }

    public RevokeAllRefreshTokens revokeAllRefreshTokens() {
        return once(RevokeAllRefreshTokens.class,
                () -> new RevokeAllRefreshTokens(ports.refreshTokens(), ports.events(), ports.clock()));
    }

    public ChangePassword changePassword() {
        return once(ChangePassword.class, () -> new ChangePassword(ports.users(), ports.users(), ports.refreshTokens(),
                ports.passwordHasher(), loginThrottle, ports.events(), ports.clock()));
    }

    public PublishVerificationKeys publishVerificationKeys() {
        return once(PublishVerificationKeys.class, () -> new PublishVerificationKeys(ports.verificationKeys()));
    }

    public CreateUser createUser() {
        return once(CreateUser.class, () -> new CreateUser(ports.users(), ports.passwordHasher(), ports.clock()));
    }

    public ImportUser importUser() {
        return once(ImportUser.class,
                () -> new ImportUser(ports.users(), ports.users(), ports.passwordHasher(), ports.clock()));
    }

    public SetPassword setPassword() {
        return once(SetPassword.class, () -> new SetPassword(ports.users(), ports.users(), ports.refreshTokens(),
                ports.passwordHasher(), ports.clock()));
    }

    public SetUserActive setUserActive() {
        return once(SetUserActive.class,
                () -> new SetUserActive(ports.users(), ports.users(), ports.refreshTokens(), ports.clock()));
    }

    public FlushExpiredTokens flushExpiredTokens() {
        return once(FlushExpiredTokens.class,
                () -> new FlushExpiredTokens(ports.refreshTokens(), ports.clock(), settings.flushBatchSize()));
    }

    public FlushForgottenLoginFailures flushForgottenLoginFailures() {
        return once(FlushForgottenLoginFailures.class, () -> new FlushForgottenLoginFailures(ports.loginFailures(),
                settings.loginThrottle(), ports.clock(), settings.flushBatchSize()));
    }

    /** Builders only use the shared parts built in the constructor, never another use case, so none nests. */
    private <T> T once(Class<T> useCase, Supplier<T> build) {
        return useCase.cast(built.computeIfAbsent(useCase, type -> build.get()));
    }
}
