package io.jwtauth.domain;

import java.time.Instant;
import java.util.Objects;

/** The failed logins counted against one key, and when the last of them happened. */
public record FailedLogins(int count, Instant lastFailureAt) {

    public FailedLogins {
        if (count < 1) {
            throw new IllegalArgumentException("a tally counts at least one failure");
        }
        Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    }
}
