package io.jwtauth.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The token rules an operator chooses, simplejwt's settings of the same names: lifetimes, rotation,
 * blacklisting after rotation, and the clock-skew leeway allowed when checking times.
 */
public record TokenSettings(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean rotateRefreshTokens,
        boolean blacklistAfterRotation,
        Duration leeway) {

    public TokenSettings {
        requirePositive(accessTokenLifetime, "access token lifetime");
        requirePositive(refreshTokenLifetime, "refresh token lifetime");
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("leeway must not be negative");
        }
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.getSeconds() < 1) {
            throw new IllegalArgumentException(what + " must be at least one second");
        }
    }
}
