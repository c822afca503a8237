package io.jwtauth.application;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.UsernameTaken;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.UserAdministration;
import io.jwtauth.domain.port.UsersByName;
import java.time.Clock;
import java.util.Objects;

/**
 * Brings one user over from another system (Django) with the password hash it had there, so that the user keeps
 * the password; the first successful login replaces the hash with a current one. Importing a user twice changes
 * nothing, and a hash no login could ever be checked against is refused rather than stored.
 */
public final class ImportUser {

    public record Command(Username username, PasswordHash passwordHash, boolean active) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }
    }

    public enum Outcome {
        CREATED,
        /** A user of that name exists already; it was left as it is. */
        ALREADY_EXISTS,
        /** The hash is of a scheme the hasher cannot check; nothing was stored. */
        UNREADABLE_HASH
    }

    private final UsersByName users;
    private final UserAdministration administration;
    private final PasswordHasher hasher;
    private final Clock clock;

    public ImportUser(UsersByName users, UserAdministration administration, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.administration = administration;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Outcome handle(Command command) {
        if (!hasher.recognizes(command.passwordHash())) {
            return Outcome.UNREADABLE_HASH;
        }
        if (users.findByUsername(command.username()).isPresent()) {
            return Outcome.ALREADY_EXISTS;
        }
        try {
            administration.add(command.username(), command.passwordHash(), command.active(), clock.instant());
            return Outcome.CREATED;
        } catch (UsernameTaken concurrentlyCreated) {
            return Outcome.ALREADY_EXISTS;
        }
    }
}
