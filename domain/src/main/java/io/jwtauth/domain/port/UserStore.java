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
     * Creates an active user whose credentials date from {@code now}; throws {@link io.jwtauth.domain.UsernameTaken}
     * if the name is in use.
     */
    User add(Username username, PasswordHash passwordHash, Instant now);

    /** Sets a new password; tokens issued before {@code now} stop speaking for the user. */
    void changePassword(UserId id, PasswordHash passwordHash, Instant now);

    /** Stops the user from logging in; tokens issued before {@code now} stay dead even after reactivation. */
    void deactivate(UserId id, Instant now);

    void activate(UserId id);
}
