package io.jwtauth.application;

import io.jwtauth.domain.UnknownUser;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UserStore;
import java.util.Objects;

/** An operator activates or deactivates a user; an inactive user can neither log in nor use its tokens. */
public final class SetUserActive {

    public record Command(Username username, boolean active) {
        public Command {
            Objects.requireNonNull(username, "username");
        }
    }

    private final UserStore users;

    public SetUserActive(UserStore users) {
        this.users = users;
    }

    /** @throws UnknownUser if there is no such user */
    public void handle(Command command) {
        User user = users.findByUsername(command.username()).orElseThrow(() -> new UnknownUser(command.username()));
        users.setActive(user.id(), command.active());
    }
}
