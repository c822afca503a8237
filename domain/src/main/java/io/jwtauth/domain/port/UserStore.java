package io.jwtauth.domain.port;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import java.time.Instant;
import java.util.Optional;

/** Where accounts live. */
public interface UserStore {

    Optional<User> findByUsername(Username username);

    Optional<User> findById(UserId id);

    /**
     * Creates a user in one step, its credentials dating from {@code now}; throws
     * {@link io.jwtauth.domain.UsernameTaken} if the name is in use.
     */
    User add(Username username, PasswordHash passwordHash, boolean active, Instant now);

    /** Sets a new password; tokens issued before {@code now} stop speaking for the user. */
    void changePassword(UserId id, PasswordHash passwordHash, Instant now);

    /**
     * Replaces the hash only if it is still {@code expected}: a rehash at login must not undo a password an operator
     * set in the meantime. The password is the same, so tokens stay valid. Returns whether it replaced it.
     */
    boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement);

    /** Stops the user from logging in; tokens issued before {@code now} stay dead even after reactivation. */
    void deactivate(UserId id, Instant now);

    void activate(UserId id);
}
