package io.jwtauth.domain;

/** A valid access token whose owner may no longer act. */
public final class AccountRejected extends AuthenticationFailure {

    public enum Reason { USER_NOT_FOUND, USER_INACTIVE, PASSWORD_CHANGED }

    private final Reason reason;

    public AccountRejected(Reason reason) {
        super("account rejected: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
