package io.jwtauth.domain;

/** A valid refresh token whose owner is gone or inactive, so it may not mint new tokens. */
public final class NoActiveAccountForToken extends AuthenticationFailure {

    public NoActiveAccountForToken() {
        super("no active account found for the given token");
    }
}
