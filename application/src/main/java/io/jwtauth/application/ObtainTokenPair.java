package io.jwtauth.application;

import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.PasswordHashUpgrades;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RefreshTokenRecords;
import io.jwtauth.domain.port.SecurityEvents;
import io.jwtauth.domain.port.TokenCodec;
import io.jwtauth.domain.port.UsersByName;
import io.jwtauth.domain.service.CredentialRaceGuard;
import io.jwtauth.domain.service.LoginThrottle;
import io.jwtauth.domain.service.TokenIssuer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Login: username and password in, a refresh and an access token out. The refresh token starts a new family.
 *
 * <p>Unknown users, inactive users and wrong passwords fail alike, and each of them costs exactly one password
 * check, so neither the answer nor its timing tells which case it was. Failures are counted per submitted username
 * (existing or not) and per client address; past the policy's thresholds, attempts are refused with
 * {@link LoginThrottled} before any password check, which is what makes guessing expensive. A success clears the
 * account's tally but not the address's, so an attacker cannot reset their address by logging in to their own
 * account.
 *
 * <p>A successful login also replaces a hash of weaker parameters or another scheme (one imported from Django, say)
 * with a current one, since only then is the password known.
 */
public final class ObtainTokenPair {

    public record Command(String username, PlainPassword password, ClientAddress clientAddress) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(clientAddress, "clientAddress");
        }
    }

    private final UsersByName users;
    private final PasswordHashUpgrades hashUpgrades;
    private final RefreshTokenRecords refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final TokenCodec codec;
    private final LoginThrottle throttle;
    private final CredentialRaceGuard credentialRaces;
    private final SecurityEvents events;
    private final Clock clock;
    private final PasswordHash decoyHash;

    public ObtainTokenPair(UsersByName users, PasswordHashUpgrades hashUpgrades, RefreshTokenRecords refreshTokens,
                           PasswordHasher hasher, TokenIssuer issuer, TokenCodec codec, LoginThrottle throttle,
                           CredentialRaceGuard credentialRaces, SecurityEvents events, Clock clock) {
        this.users = users;
        this.hashUpgrades = hashUpgrades;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.codec = codec;
        this.throttle = throttle;
        this.credentialRaces = credentialRaces;
        this.events = events;
        this.clock = clock;
        this.decoyHash = hasher.hash(new PlainPassword("decoy for accounts that cannot log in"));
    }

    /**
     * Reports the outcome to {@link SecurityEvents}: success, failure, throttled or over capacity.
     *
     * @throws LoginThrottled if the account or the address has failed too often lately
     * @throws InvalidCredentials for an unknown or inactive user or a wrong password
     * @throws CapacityExceeded if password hashing is at capacity
     */
    public TokenPair handle(Command command) {
        try {
            return login(command);
        } catch (LoginThrottled throttled) {
            events.loginThrottled(command.clientAddress(), throttled);
            throw throttled;
        } catch (InvalidCredentials failed) {
            events.loginFailed(command.clientAddress());
            throw failed;
        } catch (CapacityExceeded busy) {
            events.loginOverCapacity(command.clientAddress());
            throw busy;
        }
    }

    private TokenPair login(Command command) {
        Optional<Username> username = parse(command.username());
        Optional<ThrottleKey> account = username.map(ThrottleKey::account);
        Optional<ThrottleKey> address = Optional.of(ThrottleKey.address(command.clientAddress()));
        Instant now = clock.instant();
        throttle.requireOpen(account, address, now);

        Optional<User> user = username.flatMap(users::findByUsername).filter(User::active)
                .filter(found -> found.passwordHash().usable());
        PasswordHash hash = user.map(User::passwordHash).orElse(decoyHash);
        boolean passwordMatches = hasher.matches(command.password(), hash);
        if (user.isEmpty() || !passwordMatches) {
            throttle.countFailure(account, address, now);
            throw new InvalidCredentials();
        }
        account.ifPresent(throttle::clear);
        upgradeHashIfOutdated(user.get(), command.password());
        return issue(user.get(), now);
    }

    /** A name that cannot be a username cannot be an account; it still costs a password check and counts per address. */
    private static Optional<Username> parse(String username) {
        try {
            return Optional.of(new Username(username));
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the hash only if nobody changed it since it was read; if somebody did (an operator's set-password, a
     * concurrent login's upgrade), theirs stands. When hashing is at capacity the upgrade waits for a later login: the
     * password was right, and the user gets tokens all the same.
     */
    private void upgradeHashIfOutdated(User user, PlainPassword password) {
        if (hasher.needsRehash(user.passwordHash())) {
            try {
                hashUpgrades.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(password));
            } catch (CapacityExceeded busy) {
                // The outdated hash still works; the next successful login tries again.
            }
        }
    }

    /**
     * Records the refresh token, then lets the {@link CredentialRaceGuard} read the user again: a password change or
     * deactivation that landed while this login checked the password would miss this token, so this login sees the
     * change instead, revokes what it recorded and fails.
     */
    private TokenPair issue(User user, Instant now) {
        FamilyId family = issuer.newFamily();
        Claims refresh = issuer.refresh(user.id(), family, now);
        refreshTokens.record(IssuedRefreshToken.of(refresh, Optional.empty()));
        if (!credentialRaces.keep(refresh.id(), user.username(),
                current -> current.credentialsChangedAt().equals(user.credentialsChangedAt()), now)) {
            throw new InvalidCredentials();
        }
        Claims access = issuer.access(user.id(), now);
        TokenPair pair = new TokenPair(codec.encode(refresh), codec.encode(access));
        events.loginSucceeded(user.id());
        return pair;
    }
}
