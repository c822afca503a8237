package io.jwtauth.domain;

/** A user with that name exists already. */
public final class UsernameTaken extends RuntimeException {

    public UsernameTaken(Username username) {
        super("a user named '" + username + "' already exists");
    }
}
