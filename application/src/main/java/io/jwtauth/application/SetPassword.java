package io.jwtauth.application;

import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.UnknownUser;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.UserStore;
import java.util.Objects;

/** An operator sets a user's password, like Django's {@code changepassword}. */
public final class SetPassword {

    public record Command(Username username, PlainPassword password) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    private final UserStore users;
    private final PasswordHasher hasher;

    public SetPassword(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /** @throws UnknownUser if there is no such user */
    public void handle(Command command) {
        User user = users.findByUsername(command.username()).orElseThrow(() -> new UnknownUser(command.username()));
        users.changePassword(user.id(), hasher.hash(command.password()));
    }
}
