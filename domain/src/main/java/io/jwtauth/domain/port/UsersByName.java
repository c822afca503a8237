package io.jwtauth.domain.port;

import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import java.util.Optional;

/**
 * A user looked up by the name a person types: login, the password change, the operator's commands, and the re-read
 * that catches a credentials change racing a token's issue. Answered from the store of record, never from a cache, so
 * that a password is checked against the hash the store holds now.
 */
public interface UsersByName {

    Optional<User> findByUsername(Username username);
}
