package io.jwtauth.domain.fake;

import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.port.RefreshTokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private record Row(IssuedRefreshToken token, RefreshTokenState state) {
    }

    private final Map<TokenId, Row> rows = new ConcurrentHashMap<>();

    @Override
    public void record(IssuedRefreshToken token) {
        if (rows.putIfAbsent(token.id(), new Row(token, RefreshTokenState.ACTIVE)) != null) {
            throw new IllegalStateException("token id recorded twice: " + token.id());
        }
    }

    @Override
    public Optional<RefreshTokenState> stateOf(TokenId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::state);
    }

    @Override
    public boolean retire(TokenId id, RefreshTokenState newState) {
        Row row = rows.get(id);
        return row != null && row.state() == RefreshTokenState.ACTIVE
                && rows.replace(id, row, new Row(row.token(), newState));
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

    public Optional<IssuedRefreshToken> find(TokenId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::token);
    }
}
