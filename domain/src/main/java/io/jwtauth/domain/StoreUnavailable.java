package io.jwtauth.domain;

/**
 * A store could not be reached (database down, pool exhausted, timeout). Nothing was decided: the caller may
 * retry later, and the answer on the wire is 503, never a login failure or an invalid token.
 */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
