package io.jwtauth.domain;

import java.time.Duration;

/**
 * Too many failed logins for this account or from this address: the attempt was refused before any password check,
 * and may be repeated after {@link #retryAfter()}. Says nothing about whether the account exists.
 */
public final class LoginThrottled extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("login throttled for " + retryAfter, null, false, false);
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("a throttled login waits a positive time");
        }
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up, as HTTP's Retry-After and DRF's message state it. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds();
        return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
    }
}
