package io.jwtauth.application;

import io.jwtauth.domain.AccessTokenOwner;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.port.UsersById;
import io.jwtauth.domain.service.TokenVerifier;
import java.util.Objects;

/**
 * Answers whether a token of either type would be accepted now. Unlike simplejwt, it does not stop at the signature:
 * a refresh token must still be active (not blacklisted, rotated away or revoked), and an access token's owner must
 * still exist, be active, and not have changed credentials since the token was issued.
 */
public final class VerifyToken {

    public record Command(String token) {
        public Command {
            Objects.requireNonNull(token, "token");
        }
    }

    private final TokenVerifier verifier;
    private final ActiveRefreshTokens activeRefreshTokens;
    private final UsersById users;

    public VerifyToken(TokenVerifier verifier, ActiveRefreshTokens activeRefreshTokens, UsersById users) {
        this.verifier = verifier;
        this.activeRefreshTokens = activeRefreshTokens;
        this.users = users;
    }

    public void handle(Command command) {
        Claims claims = verifier.verify(command.token());
        if (claims.type() == TokenType.REFRESH) {
            activeRefreshTokens.requireActive(claims);
        } else {
            AccessTokenOwner.require(users.findById(claims.userId()), claims);
        }
    }
}
