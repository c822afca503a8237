package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.NoActiveAccountForToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.User;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.TokenCodec;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.domain.service.TokenIssuer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchanges an active refresh token for a new access token. With rotation, a new refresh token of the same
 * family comes too; with blacklisting after rotation, the presented token is retired in the same step, and of
 * several concurrent exchanges of one token only the one that retires it succeeds.
 */
public final class RefreshAccessToken {

    public record Command(String refreshToken) {
        public Command {
            Objects.requireNonNull(refreshToken, "refreshToken");
        }
    }

    /** The new access token, and the new refresh token when rotation is on. */
    public record Result(String access, Optional<String> refresh) {
    }

    private final ActiveRefreshTokens activeRefreshTokens;
    private final RefreshTokenStore refreshTokens;
    private final UserStore users;
    private final TokenIssuer issuer;
    private final TokenCodec codec;
    private final TokenSettings settings;
    private final Clock clock;

    public RefreshAccessToken(ActiveRefreshTokens activeRefreshTokens, RefreshTokenStore refreshTokens, UserStore users,
                              TokenIssuer issuer, TokenCodec codec, TokenSettings settings, Clock clock) {
        this.activeRefreshTokens = activeRefreshTokens;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.issuer = issuer;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
    }

    public Result handle(Command command) {
        Claims presented = activeRefreshTokens.verify(command.refreshToken());
        User owner = users.findById(presented.userId()).filter(User::active).orElseThrow(NoActiveAccountForToken::new);
        Instant now = clock.instant();
        Optional<String> rotated = Optional.empty();
        if (settings.rotateRefreshTokens()) {
            if (settings.blacklistAfterRotation() && !refreshTokens.retire(presented.id(), RefreshTokenState.ROTATED)) {
                throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
            }
            Claims successor = issuer.refresh(owner.id(), presented.requireFamily(), now);
            refreshTokens.record(IssuedRefreshToken.of(successor, Optional.of(presented.id())));
            rotated = Optional.of(codec.encode(successor));
        }
        return new Result(codec.encode(issuer.access(owner.id(), now)), rotated);
    }
}
