package io.jwtauth.application;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.fake.CountingPasswordHasher;
import io.jwtauth.domain.fake.FakeTokenCodec;
import io.jwtauth.domain.fake.InMemoryLoginFailureStore;
import io.jwtauth.domain.fake.InMemoryRefreshTokenStore;
import io.jwtauth.domain.fake.InMemoryUserStore;
import io.jwtauth.domain.fake.MutableClock;
import io.jwtauth.domain.fake.RecordingSecurityEvents;
import io.jwtauth.domain.fake.SequentialRandomIds;
import io.jwtauth.domain.fake.SwitchableVerificationKeys;
import io.jwtauth.domain.service.TokenIssuer;
import io.jwtauth.domain.service.TokenVerifier;
import java.time.Duration;
import java.time.Instant;

/**
 * Every use case wired to in-memory fakes, as bootstrap wires them to the real adapters. Shared with the REST
 * adapter's tests through the application test-jar.
 */
public final class Fixture {

    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(5);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(1);
    /** Where {@link #loginAs} logs in from: TEST-NET-1, an address no real client has. */
    public static final ClientAddress CLIENT = new ClientAddress("192.0.2.1");

    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    public final InMemoryUserStore users = new InMemoryUserStore();
    public final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
    public final CountingPasswordHasher hasher = new CountingPasswordHasher();
    public final InMemoryLoginFailureStore loginFailures = new InMemoryLoginFailureStore();
    /** The service's defaults. */
    public final LoginThrottlePolicy throttle =
            new LoginThrottlePolicy(10, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofDays(1));
    public final FakeTokenCodec codec = new FakeTokenCodec();
    public final RecordingSecurityEvents events = new RecordingSecurityEvents();
    public final SwitchableVerificationKeys verificationKeys = new SwitchableVerificationKeys();
    public final TokenSettings settings;
    public final TokenIssuer issuer;
    public final TokenVerifier verifier;
    public final ActiveRefreshTokens activeRefreshTokens;
    public final ObtainTokenPair login;
    public final RefreshAccessToken refresh;
    public final VerifyToken verify;
    public final BlacklistRefreshToken blacklist;
    public final AuthenticateAccessToken authenticate;
    public final CreateUser createUser;
    public final SetPassword setPassword;
    public final SetUserActive setUserActive;
    public final RevokeAllRefreshTokens revokeAll;
    public final ChangePassword changePassword;
    public final PublishVerificationKeys publishVerificationKeys;
    public final ImportUser importUser;

    public Fixture() {
        this(false, false);
    }

    public Fixture(boolean rotate, boolean blacklistAfterRotation) {
        this(rotate, blacklistAfterRotation, Duration.ZERO);
    }

    public Fixture(boolean rotate, boolean blacklistAfterRotation, Duration reuseGracePeriod) {
        settings = new TokenSettings(ACCESS_LIFETIME, REFRESH_LIFETIME, rotate, blacklistAfterRotation, Duration.ZERO,
                reuseGracePeriod);
        issuer = new TokenIssuer(settings, new SequentialRandomIds());
        verifier = new TokenVerifier(codec, clock, settings.leeway());
        activeRefreshTokens = new ActiveRefreshTokens(verifier, refreshTokens);
        login = new ObtainTokenPair(users, refreshTokens, hasher, issuer, codec, loginFailures, throttle, events, clock);
        refresh = new RefreshAccessToken(activeRefreshTokens, refreshTokens, users, issuer, codec, settings, events, clock);
        verify = new VerifyToken(verifier, activeRefreshTokens, users);
        blacklist = new BlacklistRefreshToken(activeRefreshTokens, refreshTokens, events, clock);
        authenticate = new AuthenticateAccessToken(verifier, users);
        createUser = new CreateUser(users, hasher, clock);
        setPassword = new SetPassword(users, refreshTokens, hasher, clock);
        setUserActive = new SetUserActive(users, refreshTokens, clock);
        revokeAll = new RevokeAllRefreshTokens(refreshTokens, events, clock);
        changePassword = new ChangePassword(users, refreshTokens, hasher, loginFailures, throttle, events, clock);
        publishVerificationKeys = new PublishVerificationKeys(verificationKeys);
        importUser = new ImportUser(users, hasher, clock);
    }

    public User user(String name, String password) {
        return createUser.handle(new CreateUser.Command(new Username(name), new PlainPassword(password)));
    }

    public io.jwtauth.domain.TokenPair loginAs(String name, String password) {
        return loginFrom(CLIENT, name, password);
    }

    public io.jwtauth.domain.TokenPair loginFrom(ClientAddress client, String name, String password) {
        return login.handle(new ObtainTokenPair.Command(name, new PlainPassword(password), client));
    }
}
