package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.TokenCodec;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.domain.service.TokenIssuer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Login: username and password in, a refresh and an access token out. The refresh token starts a new family.
 * Unknown users, inactive users and wrong passwords fail alike, and each of them costs exactly one password
 * check, so neither the answer nor its timing tells which case it was. A successful login replaces a hash of
 * weaker parameters or another scheme (one imported from Django, say) with a current one, since only then is the
 * password known.
 */
public final class ObtainTokenPair {

    public record Command(String username, PlainPassword password) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final TokenCodec codec;
    private final Clock clock;
    private final PasswordHash decoyHash;

    public ObtainTokenPair(UserStore users, RefreshTokenStore refreshTokens, PasswordHasher hasher, TokenIssuer issuer,
                           TokenCodec codec, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.codec = codec;
        this.clock = clock;
        this.decoyHash = hasher.hash(new PlainPassword("decoy for accounts that cannot log in"));
    }

    public TokenPair handle(Command command) {
        Optional<User> user = findUser(command.username()).filter(User::active);
        PasswordHash hash = user.map(User::passwordHash).orElse(decoyHash);
        boolean passwordMatches = hasher.matches(command.password(), hash);
        if (user.isEmpty() || !passwordMatches) {
            throw new InvalidCredentials();
        }
        upgradeHashIfOutdated(user.get(), command.password());
        return issue(user.get());
    }

    /**
     * Replaces the hash only if nobody changed it since it was read; if somebody did (an operator's set-password, a
     * concurrent login's upgrade), theirs stands.
     */
    private void upgradeHashIfOutdated(User user, PlainPassword password) {
        if (hasher.needsRehash(user.passwordHash())) {
            users.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(password));
        }
    }

    private Optional<User> findUser(String username) {
        try {
            return users.findByUsername(new Username(username));
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
    }

    private TokenPair issue(User user) {
        Instant now = clock.instant();
        FamilyId family = issuer.newFamily();
        Claims refresh = issuer.refresh(user.id(), family, now);
        refreshTokens.record(IssuedRefreshToken.of(refresh, Optional.empty()));
        Claims access = issuer.access(user.id(), now);
        return new TokenPair(codec.encode(refresh), codec.encode(access));
    }
}
