package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.service.TokenVerifier;

/**
 * Verifies a refresh token and then asks the store whether it is still active: the check shared by refresh,
 * verify and blacklist. A well-signed token the store has no record of is refused, because the server could
 * not revoke it.
 */
public final class ActiveRefreshTokens {

    private final TokenVerifier verifier;
    private final RefreshTokenStore store;

    public ActiveRefreshTokens(TokenVerifier verifier, RefreshTokenStore store) {
        this.verifier = verifier;
        this.store = store;
    }

    public Claims verify(String token) {
        return requireActive(verifier.verify(token, TokenType.REFRESH));
    }

    /** Checks claims already verified as a refresh token against the store. */
    Claims requireActive(Claims refresh) {
        RefreshTokenState state = store.stateOf(refresh.id())
                .orElseThrow(() -> new TokenRejected(TokenRejected.Reason.INVALID));
        if (state != RefreshTokenState.ACTIVE) {
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
        return refresh;
    }
}
