package io.jwtauth.domain.port;

import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenId;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of each refresh token, one at a time: written at issue, read whenever the token is presented (refresh,
 * verify, blacklist), retired when it is logged out or revoked. Leaving the active state is atomic across nodes. An
 * exchange retires its token through {@link RefreshTokenFamilies#rotate}, which also names the successor.
 */
public interface RefreshTokenRecords {

    void record(IssuedRefreshToken token);

    /** The token's record, or empty if this server never issued it (or its record was flushed after expiry). */
    Optional<StoredRefreshToken> find(TokenId id);

    /**
     * Moves the token from {@link RefreshTokenState#ACTIVE} to {@code newState} as of {@code now}. Of several
     * concurrent calls for one token, on any number of nodes (and of {@link RefreshTokenFamilies#rotate} calls for
     * it), exactly one returns true.
     *
     * @throws IllegalArgumentException if {@code newState} is {@link RefreshTokenState#ACTIVE}, or
     *         {@link RefreshTokenState#ROTATED}: a token is rotated only together with its successor
     */
    boolean retire(TokenId id, RefreshTokenState newState, Instant now);
}
