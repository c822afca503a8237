package io.jwtauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A refresh token record as the store holds it: what was issued, its state, and when it left the active state. */
public record StoredRefreshToken(IssuedRefreshToken token, RefreshTokenState state, Optional<Instant> retiredAt) {

    public StoredRefreshToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(retiredAt, "retiredAt");
        if ((state == RefreshTokenState.ACTIVE) == retiredAt.isPresent()) {
            throw new IllegalArgumentException("exactly the retired tokens have a retirement time");
        }
    }
}
