package io.jwtauth.adapter.rest;

import io.jwtauth.domain.TokenRejected;
import java.util.Optional;

/** Why a request carries no usable bearer credentials; answered 401 when the route needs them. */
final class NotAuthenticated extends RuntimeException {

    enum Reason { NO_CREDENTIALS, BAD_AUTHORIZATION_HEADER, TOKEN_REJECTED }

    static final NotAuthenticated NO_CREDENTIALS = new NotAuthenticated(Reason.NO_CREDENTIALS);

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
