package io.jwtauth.application;

import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.UserAdministration;
import java.time.Clock;
import java.util.Objects;

/** Adds an active user, like Django's {@code createsuperuser} without the staff flags. */
public final class CreateUser {

    public record Command(Username username, PlainPassword password) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    private final UserAdministration users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public CreateUser(UserAdministration users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @throws io.jwtauth.domain.UsernameTaken if the name is in use */
    public User handle(Command command) {
        return users.add(command.username(), hasher.hash(command.password()), true, clock.instant());
    }
}
