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

    /** Creates an active user; throws {@link io.jwtauth.domain.UsernameTaken} if the name is in use. */
    User add(Username username, PasswordHash passwordHash);

    void changePassword(UserId id, PasswordHash passwordHash);

    void setActive(UserId id, boolean active);
}
