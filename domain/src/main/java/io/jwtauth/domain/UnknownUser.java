package io.jwtauth.domain;

/** An administrative command named a user that does not exist. */
public final class UnknownUser extends RuntimeException {

    public UnknownUser(Username username) {
        super("no user named '" + username + "'");
    }
}
