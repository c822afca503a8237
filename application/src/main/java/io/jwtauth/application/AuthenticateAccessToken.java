package io.jwtauth.application;

import io.jwtauth.domain.AccountRejected;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.domain.service.TokenVerifier;
import java.util.Objects;

/** Turns the bearer token of a protected request into the user it speaks for, or refuses it. */
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
        User user = users.findById(claims.userId())
                .orElseThrow(() -> new AccountRejected(AccountRejected.Reason.USER_NOT_FOUND));
        if (!user.active()) {
            throw new AccountRejected(AccountRejected.Reason.USER_INACTIVE);
        }
        return new AuthenticatedUser(user.id(), user.username());
    }
}
