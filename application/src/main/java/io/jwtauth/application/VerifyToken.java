package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.service.TokenVerifier;
import java.util.Objects;

/**
 * Answers whether a token of either type would be accepted now. Unlike simplejwt, a refresh token that was
 * blacklisted or rotated away is refused here too.
 */
public final class VerifyToken {

    public record Command(String token) {
        public Command {
            Objects.requireNonNull(token, "token");
        }
    }

    private final TokenVerifier verifier;
    private final ActiveRefreshTokens activeRefreshTokens;

    public VerifyToken(TokenVerifier verifier, ActiveRefreshTokens activeRefreshTokens) {
        this.verifier = verifier;
        this.activeRefreshTokens = activeRefreshTokens;
    }

    public void handle(Command command) {
        Claims claims = verifier.verify(command.token());
        if (claims.type() == TokenType.REFRESH) {
            activeRefreshTokens.requireActive(claims);
        }
    }
}
