package io.jwtauth.domain.fake;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.RefreshTokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<TokenId, StoredRefreshToken> rows = new ConcurrentHashMap<>();

    @Override
    public void record(IssuedRefreshToken token) {
        if (rows.putIfAbsent(token.id(), new StoredRefreshToken(token, RefreshTokenState.ACTIVE, Optional.empty())) != null) {
            throw new IllegalStateException("token id recorded twice: " + token.id());
        }
    }

    @Override
    public Optional<StoredRefreshToken> find(TokenId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public boolean retire(TokenId id, RefreshTokenState newState, Instant now) {
        if (newState == RefreshTokenState.ACTIVE) {
            throw new IllegalArgumentException("a token is retired to a state other than ACTIVE");
        }
        StoredRefreshToken row = rows.get(id);
        return row != null && row.state() == RefreshTokenState.ACTIVE
                && rows.replace(id, row, new StoredRefreshToken(row.token(), newState, Optional.of(now)));
    }

    @Override
    public Optional<TokenId> activeSuccessorOf(TokenId parent) {
        return Optional.ofNullable(rows.get(parent)).map(row -> row.token().family()).flatMap(family -> rows.values().stream()
                .filter(row -> row.state() == RefreshTokenState.ACTIVE && row.token().family().equals(family)
                        && row.token().parent().equals(Optional.of(parent)))
                .map(row -> row.token().id())
                .findFirst());
    }

    @Override
    public int revokeFamily(FamilyId family, Instant now) {
        return revokeWhere(token -> token.family().equals(family), now);
    }

    @Override
    public int revokeAllOf(UserId user, Instant now) {
        return revokeWhere(token -> token.userId().equals(user), now);
    }

    private int revokeWhere(Predicate<IssuedRefreshToken> selected, Instant now) {
        int revoked = 0;
        for (StoredRefreshToken row : rows.values()) {
            if (selected.test(row.token()) && retire(row.token().id(), RefreshTokenState.REVOKED, now)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized int deleteExpired(Instant now, int limit) {
        var expired = rows.values().stream()
                .filter(row -> row.token().expiresAt().isBefore(now))
                .limit(limit)
                .map(row -> row.token().id())
                .toList();
        expired.forEach(rows::remove);
        return expired.size();
    }

    public int size() {
        return rows.size();
    }

    /** How many of the user's tokens are still usable. */
    public long activeOf(UserId user) {
        return rows.values().stream()
                .filter(row -> row.token().userId().equals(user) && row.state() == RefreshTokenState.ACTIVE)
                .count();
    }

    public Optional<RefreshTokenState> stateOf(TokenId id) {
        return find(id).map(StoredRefreshToken::state);
    }
}
