package io.jwtauth.domain;

/**
 * The server is doing as much costly work (password hashing) as it is sized for and has as much queued as it will
 * wait for. Nothing was decided: the caller may retry shortly, and the answer on the wire is 503. Refusing early is
 * what keeps a burst of logins from exhausting memory, as each Argon2id hash holds its own large block of it.
 */
public final class CapacityExceeded extends RuntimeException {

    public CapacityExceeded(String message) {
        super(message, null, false, false);
    }
}
