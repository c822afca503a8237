package io.jwtauth.application;

import io.jwtauth.domain.AccessTokenOwner;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.domain.service.TokenVerifier;
import java.util.Objects;

/**
 * Turns the bearer token of a protected request into the user it speaks for, or refuses it. The user store it is
 * given may answer from a short-lived cache, which bounds how long a change made elsewhere takes to be seen here.
 */
public final class AuthenticateAccessToken {

    public record Command(String accessToken) {
        public Command {
            Objects.requireNonNull(accessToken, "accessToken");
        }
    }

    /** The user a protected request acts as. */
    public record AuthenticatedUser(UserId id, Username username) {
    }

    private final TokenVerifier verifier;
    private final UserStore users;

    public AuthenticateAccessToken(TokenVerifier verifier, UserStore users) {
        this.verifier = verifier;
        this.users = users;
    }

    public AuthenticatedUser handle(Command command) {
        Claims claims = verifier.verify(command.accessToken(), TokenType.ACCESS);
        User user = AccessTokenOwner.require(users.findById(claims.userId()), claims);
        return new AuthenticatedUser(user.id(), user.username());
    }
}
