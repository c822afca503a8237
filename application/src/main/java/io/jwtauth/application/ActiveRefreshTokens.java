package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.port.RefreshTokenRecords;
import io.jwtauth.domain.service.TokenVerifier;

/**
 * Introspects a refresh token, in RFC 7662's sense: verifies it, then asks the store for its record, whose state says
 * whether it is still active. The check shared by refresh, verify and blacklist. A well-signed token the store has no
 * record of is refused, because the server could not revoke it.
 */
public final class ActiveRefreshTokens {

    private final TokenVerifier verifier;
    private final RefreshTokenRecords store;

    public ActiveRefreshTokens(TokenVerifier verifier, RefreshTokenRecords store) {
        this.verifier = verifier;
        this.store = store;
    }

    /** What introspection found: the verified claims of a refresh token and its record, whatever its state. */
    record Introspection(Claims claims, StoredRefreshToken stored) {
    }

    Introspection introspect(String token) {
        return introspect(verifier.verify(token, TokenType.REFRESH));
    }

    Introspection introspect(Claims refresh) {
        StoredRefreshToken stored = store.find(refresh.id())
                .orElseThrow(() -> new TokenRejected(TokenRejected.Reason.INVALID));
        return new Introspection(refresh, stored);
    }

    /** Checks claims already verified as a refresh token: it must still be active. */
    Claims requireActive(Claims refresh) {
        if (introspect(refresh).stored().state() != RefreshTokenState.ACTIVE) {
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
        return refresh;
    }

    Claims requireActive(String token) {
        return requireActive(verifier.verify(token, TokenType.REFRESH));
    }
}
