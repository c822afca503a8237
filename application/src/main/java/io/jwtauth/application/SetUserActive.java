package io.jwtauth.application;

import io.jwtauth.domain.UnknownUser;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.UserStore;
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

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;

    public SetUserActive(UserStore users, RefreshTokenStore refreshTokens, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** @throws UnknownUser if there is no such user */
    public void handle(Command command) {
        User user = users.findByUsername(command.username()).orElseThrow(() -> new UnknownUser(command.username()));
        if (command.active()) {
            users.activate(user.id());
            return;
        }
        Instant now = clock.instant();
        users.deactivate(user.id(), now);
        refreshTokens.revokeAllOf(user.id(), now);
    }
}
