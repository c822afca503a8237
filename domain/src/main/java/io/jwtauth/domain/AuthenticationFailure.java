package io.jwtauth.domain;

/**
 * Why a request cannot be authenticated. Each subtype is one kind of answer on the wire; none carries a
 * stack trace, because they are expected outcomes and attackers can trigger them cheaply.
 */
public abstract sealed class AuthenticationFailure extends RuntimeException
        permits InvalidCredentials, TokenRejected, AccountRejected, NoActiveAccountForToken {

    protected AuthenticationFailure(String message) {
        super(message, null, false, false);
    }
}
