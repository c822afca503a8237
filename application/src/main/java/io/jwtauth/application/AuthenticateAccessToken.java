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
import java.util.Optional;

/**
 * Turns the bearer token of a protected request into the user it speaks for, or refuses it. The user store it is
 * given may answer from a short-lived cache, which bounds how long a change made elsewhere takes to be seen here.
 *
 * <p>Two entry points to one rule, rather than two use cases, so that the checks and their order cannot drift apart:
 * {@link #handle} may wait on the store; {@link #handleWithoutWaiting} never does, for callers such as an event loop.
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
        return owner(users.findById(claims.userId()), claims);
    }

    /**
     * The same checks without waiting on the store: the token is verified in full and refused as {@link #handle}
     * would refuse it, but when its owner is not in the store's memory the answer is empty, and the caller must call
     * {@link #handle} where it may wait.
     */
    public Optional<AuthenticatedUser> handleWithoutWaiting(Command command) {
        Claims claims = verifier.verify(command.accessToken(), TokenType.ACCESS);
        return users.findByIdWithoutWaiting(claims.userId()).map(user -> owner(Optional.of(user), claims));
    }

    private static AuthenticatedUser owner(Optional<User> found, Claims claims) {
        User user = AccessTokenOwner.require(found, claims);
        return new AuthenticatedUser(user.id(), user.username());
    }
}
