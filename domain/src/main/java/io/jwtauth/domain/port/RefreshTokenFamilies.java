package io.jwtauth.domain.port;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenId;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens as rotation chains them (RFC 9700 §4.14.2): what the refresh exchange needs to retire a token in
 * exchange for its successor, to hand a retrying client that missed successor again, and to revoke a whole family
 * when a rotated token is reused.
 */
public interface RefreshTokenFamilies {

    /**
     * Moves {@code parent} from {@link RefreshTokenState#ACTIVE} to {@link RefreshTokenState#ROTATED} as of
     * {@code now} and records {@code successor}, already recorded with {@code parent} as its parent, as the token it
     * was exchanged for, in one atomic step. Of several concurrent calls for one parent, on any number of nodes (and of
     * {@link RefreshTokenRecords#retire} calls for it), exactly one returns true, and only its successor is recorded:
     * concurrent exchanges may each have recorded a successor, but only the winner's is ever named.
     *
     * @throws IllegalArgumentException if {@code successor} is {@code parent}
     */
    boolean rotate(TokenId parent, TokenId successor, Instant now);

    /**
     * The successor that {@link #rotate} recorded for {@code parent}, if it is still {@link RefreshTokenState#ACTIVE};
     * empty if {@code parent} was not rotated, or was rotated without one being recorded (before the store kept them).
     */
    Optional<TokenId> activeSuccessorOf(TokenId parent);

    /**
     * Revokes every token of the family still {@link RefreshTokenState#ACTIVE}; returns how many it revoked. Atomic
     * across nodes, like every retirement.
     */
    int revokeFamily(FamilyId family, Instant now);
}
