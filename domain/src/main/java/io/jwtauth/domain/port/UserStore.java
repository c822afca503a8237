package io.jwtauth.domain.port;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import java.util.Optional;

/** Where accounts live. */
public interface UserStore {

    Optional<User> findByUsername(Username username);

    Optional<User> findById(UserId id);

    /** Creates a user in one step; throws {@link io.jwtauth.domain.UsernameTaken} if the name is in use. */
    User add(Username username, PasswordHash passwordHash, boolean active);

    void changePassword(UserId id, PasswordHash passwordHash);

    /**
     * Replaces the hash only if it is still {@code expected}: a rehash at login must not undo a password an operator
     * set in the meantime. Returns whether it replaced it.
     */
    boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement);

    void setActive(UserId id, boolean active);
}
