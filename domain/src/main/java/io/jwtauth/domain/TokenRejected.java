package io.jwtauth.domain;

/** A presented token is not acceptable, for one of simplejwt's reasons. */
public final class TokenRejected extends AuthenticationFailure {

    public enum Reason { INVALID, EXPIRED, WRONG_TYPE, BLACKLISTED }

    private final Reason reason;

    public TokenRejected(Reason reason) {
        super("token rejected: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
