package io.jwtauth.adapter.rest;

import io.jwtauth.domain.TokenRejected;
import java.util.Optional;

/** A protected endpoint was called without usable bearer credentials. */
final class NotAuthenticated extends RuntimeException {

    enum Reason { NO_CREDENTIALS, BAD_AUTHORIZATION_HEADER, TOKEN_REJECTED }

    private final Reason reason;
    private final Optional<TokenRejected.Reason> tokenRejection;

    NotAuthenticated(Reason reason) {
        this(reason, Optional.empty());
    }

    NotAuthenticated(TokenRejected rejected) {
        this(Reason.TOKEN_REJECTED, Optional.of(rejected.reason()));
    }

    private NotAuthenticated(Reason reason, Optional<TokenRejected.Reason> tokenRejection) {
        super("not authenticated: " + reason, null, false, false);
        this.reason = reason;
        this.tokenRejection = tokenRejection;
    }

    Reason reason() {
        return reason;
    }

    /** Why the bearer token was refused, when that was the reason. */
    Optional<TokenRejected.Reason> tokenRejection() {
        return tokenRejection;
    }
}
