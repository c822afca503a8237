package io.jwtauth.domain;

/** Login failed: unknown user, wrong password or inactive account, deliberately indistinguishable. */
public final class InvalidCredentials extends AuthenticationFailure {

    public InvalidCredentials() {
        super("no active account found with the given credentials");
    }
}
