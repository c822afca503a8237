package io.jwtauth.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The token rules an operator chooses: simplejwt's lifetimes, rotation, blacklisting after rotation and clock-skew
 * leeway, plus the grace period in which a client whose rotation answer was lost may retry with the token it just
 * exchanged (RFC 9700 §4.14.2) instead of being treated as a thief.
 */
public record TokenSettings(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean rotateRefreshTokens,
        boolean blacklistAfterRotation,
        Duration leeway,
        Duration reuseGracePeriod) {

    public TokenSettings {
        requirePositive(accessTokenLifetime, "access token lifetime");
        requirePositive(refreshTokenLifetime, "refresh token lifetime");
        requireNotNegative(leeway, "leeway");
        requireNotNegative(reuseGracePeriod, "reuse grace period");
    }

    private static void requireNotNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.getSeconds() < 1) {
            throw new IllegalArgumentException(what + " must be at least one second");
        }
    }
}
