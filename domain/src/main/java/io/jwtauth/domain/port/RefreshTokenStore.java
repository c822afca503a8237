package io.jwtauth.domain.port;

import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenId;
import java.time.Instant;
import java.util.Optional;

/** Where refresh tokens are remembered until they expire; leaving the active state must be atomic across nodes. */
public interface RefreshTokenStore {

    void record(IssuedRefreshToken token);

    /** The token's state, or empty if this server never issued it (or its record was flushed after expiry). */
    Optional<RefreshTokenState> stateOf(TokenId id);

    /**
     * Moves the token from {@link RefreshTokenState#ACTIVE} to {@code newState}. Of several concurrent calls
     * for one token, on any number of nodes, exactly one returns true.
     */
    boolean retire(TokenId id, RefreshTokenState newState);

    /** Deletes up to {@code limit} records that expired before {@code now}; returns how many it deleted. */
    int deleteExpired(Instant now, int limit);
}
