package io.jwtauth.domain;

/** A signed-in user confirming an action gave a password that is not theirs. */
public final class WrongPassword extends RuntimeException {

    public WrongPassword() {
        super("the old password is wrong", null, false, false);
    }
}
