package io.jwtauth.domain.port;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where refresh tokens are remembered until they expire. Leaving the active state is atomic across nodes: every
 * method that retires tokens changes only those still {@link RefreshTokenState#ACTIVE}.
 */
public interface RefreshTokenStore {

    void record(IssuedRefreshToken token);

    /** The token's record, or empty if this server never issued it (or its record was flushed after expiry). */
    Optional<StoredRefreshToken> find(TokenId id);

    /**
     * Moves the token from {@link RefreshTokenState#ACTIVE} to {@code newState} as of {@code now}. Of several
     * concurrent calls for one token, on any number of nodes, exactly one returns true.
     */
    boolean retire(TokenId id, RefreshTokenState newState, Instant now);

    /** The active token that was issued in exchange for {@code parent}, in its family, if there is one. */
    Optional<TokenId> activeSuccessorOf(TokenId parent);

    /** Revokes every active token of the family; returns how many it revoked. */
    int revokeFamily(FamilyId family, Instant now);

    /** Revokes every active token of the user; returns how many it revoked. */
    int revokeAllOf(UserId user, Instant now);

    /** Deletes up to {@code limit} records that expired before {@code now}; returns how many it deleted. */
    int deleteExpired(Instant now, int limit);
}
