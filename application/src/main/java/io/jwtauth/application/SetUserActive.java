package io.jwtauth.application;

import io.jwtauth.domain.UnknownUser;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.RefreshTokenRevocation;
import io.jwtauth.domain.port.UserAdministration;
import io.jwtauth.domain.port.UsersByName;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator activates or deactivates a user. Deactivation revokes every refresh token and outlaws every access
 * token issued before it, for good: reactivating the user does not bring them back.
 */
public final class SetUserActive {

    public record Command(Username username, boolean active) {
        public Command {
            Objects.requireNonNull(username, "username");
        }
    }

    private final UsersByName users;
    private final UserAdministration administration;
    private final RefreshTokenRevocation refreshTokens;
    private final Clock clock;

    public SetUserActive(UsersByName users, UserAdministration administration, RefreshTokenRevocation refreshTokens,
                         Clock clock) {
        this.users = users;
        this.administration = administration;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** @throws UnknownUser if there is no such user */
    public void handle(Command command) {
        User user = users.findByUsername(command.username()).orElseThrow(() -> new UnknownUser(command.username()));
        if (command.active()) {
            administration.activate(user.id());
            return;
        }
        Instant now = clock.instant();
        administration.deactivate(user.id(), now);
        refreshTokens.revokeAllOf(user.id(), now);
    }
}
