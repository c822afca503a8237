package io.jwtauth.domain;

/**
 * The life of a refresh token record: it starts {@link #ACTIVE} and leaves that state once, for good.
 * Only an active token can be refreshed or blacklisted.
 */
public enum RefreshTokenState {
    /** Usable. */
    ACTIVE,
    /** Exchanged for a successor under rotation with blacklisting. */
    ROTATED,
    /** Logged out through the blacklist endpoint. */
    BLACKLISTED,
    /** Revoked with its whole family or all of its user's tokens. */
    REVOKED
}
