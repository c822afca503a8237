package io.jwtauth.domain.port;

import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.UserId;
import java.time.Instant;

/**
 * Logout everywhere: what a password change, a password set by an operator, a deactivation and the revoke-all
 * endpoint need.
 */
public interface RefreshTokenRevocation {

    /**
     * Revokes every token of the user still {@link RefreshTokenState#ACTIVE}; returns how many it revoked. Atomic
     * across nodes, like every retirement.
     */
    int revokeAllOf(UserId user, Instant now);
}
