package io.jwtauth.application;

import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.UnknownUser;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RefreshTokenRevocation;
import io.jwtauth.domain.port.UserAdministration;
import io.jwtauth.domain.port.UsersByName;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator sets a user's password, like Django's {@code changepassword}. As with a change by the user, every
 * token issued before it stops working.
 */
public final class SetPassword {

    public record Command(Username username, PlainPassword password) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    private final UsersByName users;
    private final UserAdministration administration;
    private final RefreshTokenRevocation refreshTokens;
    private final PasswordHasher hasher;
    private final Clock clock;

    public SetPassword(UsersByName users, UserAdministration administration, RefreshTokenRevocation refreshTokens,
                       PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.administration = administration;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @throws UnknownUser if there is no such user */
    public void handle(Command command) {
        User user = users.findByUsername(command.username()).orElseThrow(() -> new UnknownUser(command.username()));
        Instant now = clock.instant();
        administration.changePassword(user.id(), hasher.hash(command.password()), now);
        refreshTokens.revokeAllOf(user.id(), now);
    }
}
