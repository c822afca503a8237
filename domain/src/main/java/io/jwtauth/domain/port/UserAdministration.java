package io.jwtauth.domain.port;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import java.time.Instant;

/**
 * The writes that create accounts and change their credentials or status: the operator's commands (create, import,
 * set password, activate, deactivate) and the user's own password change. Nothing on the request path uses them.
 */
public interface UserAdministration {

    /**
     * Creates a user in one step, its credentials dating from {@code now}; throws
     * {@link io.jwtauth.domain.UsernameTaken} if the name is in use.
     */
    User add(Username username, PasswordHash passwordHash, boolean active, Instant now);

    /** Sets a new password; tokens issued before {@code now} stop speaking for the user. */
    void changePassword(UserId id, PasswordHash passwordHash, Instant now);

    /** Stops the user from logging in; tokens issued before {@code now} stay dead even after reactivation. */
    void deactivate(UserId id, Instant now);

    void activate(UserId id);
}
