package io.jwtauth.application;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.RefreshTokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * A refresh token store that passes every call on to another: race tests override the one call at which they stage
 * a concurrent request, and the rest behaves as the real store would.
 */
abstract class ForwardingRefreshTokenStore implements RefreshTokenStore {

    private final RefreshTokenStore delegate;

    ForwardingRefreshTokenStore(RefreshTokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void record(IssuedRefreshToken token) {
        delegate.record(token);
    }

    @Override
    public Optional<StoredRefreshToken> find(TokenId id) {
        return delegate.find(id);
    }

    @Override
    public boolean retire(TokenId id, RefreshTokenState newState, Instant now) {
        return delegate.retire(id, newState, now);
    }

    @Override
    public boolean rotate(TokenId parent, TokenId successor, Instant now) {
        return delegate.rotate(parent, successor, now);
    }

    @Override
    public Optional<TokenId> activeSuccessorOf(TokenId parent) {
        return delegate.activeSuccessorOf(parent);
    }

    @Override
    public int revokeFamily(FamilyId family, Instant now) {
        return delegate.revokeFamily(family, now);
    }

    @Override
    public int revokeAllOf(UserId owner, Instant now) {
        return delegate.revokeAllOf(owner, now);
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        return delegate.deleteExpired(now, limit);
    }
}
