package io.jwtauth.domain.port;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenId;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens as rotation chains them (RFC 9700 §4.14.2): what the refresh exchange needs to hand a retrying
 * client its missed successor and to revoke a whole family when a rotated token is reused.
 */
public interface RefreshTokenFamilies {

    /** The active token that was issued in exchange for {@code parent}, in its family, if there is one. */
    Optional<TokenId> activeSuccessorOf(TokenId parent);

    /**
     * Revokes every token of the family still {@link RefreshTokenState#ACTIVE}; returns how many it revoked. Atomic
     * across nodes, like every retirement.
     */
    int revokeFamily(FamilyId family, Instant now);
}
