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

/**
 * Refresh token records in a map. Each row is replaced whole by compare-and-set, so that, as in the database, a
 * rotation's retirement and its successor land together and exactly one of concurrent retirements wins.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    /** A record and, once it was rotated, the successor it was exchanged for. */
    private record Row(StoredRefreshToken stored, Optional<TokenId> successor) {
    }

    private final Map<TokenId, Row> rows = new ConcurrentHashMap<>();

    @Override
    public void record(IssuedRefreshToken token) {
        Row row = new Row(new StoredRefreshToken(token, RefreshTokenState.ACTIVE, Optional.empty()), Optional.empty());
        if (rows.putIfAbsent(token.id(), row) != null) {
            throw new IllegalStateException("token id recorded twice: " + token.id());
        }
    }

    @Override
    public Optional<StoredRefreshToken> find(TokenId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::stored);
    }

    @Override
    public boolean retire(TokenId id, RefreshTokenState newState, Instant now) {
        if (newState == RefreshTokenState.ACTIVE || newState == RefreshTokenState.ROTATED) {
            throw new IllegalArgumentException("retired to BLACKLISTED or REVOKED; rotated only with its successor");
        }
        return leaveActive(id, newState, Optional.empty(), now);
    }

    @Override
    public boolean rotate(TokenId parent, TokenId successor, Instant now) {
        if (parent.equals(successor)) {
            throw new IllegalArgumentException("a token is not its own successor");
        }
        return leaveActive(parent, RefreshTokenState.ROTATED, Optional.of(successor), now);
    }

    private boolean leaveActive(TokenId id, RefreshTokenState newState, Optional<TokenId> successor, Instant now) {
        Row row = rows.get(id);
        return row != null && row.stored().state() == RefreshTokenState.ACTIVE
                && rows.replace(id, row, new Row(new StoredRefreshToken(row.stored().token(), newState, Optional.of(now)),
                        successor));
    }

    @Override
    public Optional<TokenId> activeSuccessorOf(TokenId parent) {
        return Optional.ofNullable(rows.get(parent)).flatMap(Row::successor)
                .filter(successor -> stateOf(successor).equals(Optional.of(RefreshTokenState.ACTIVE)));
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
        for (Row row : rows.values()) {
            if (selected.test(row.stored().token()) && retire(row.stored().token().id(), RefreshTokenState.REVOKED, now)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized int deleteExpired(Instant now, int limit) {
        var expired = rows.values().stream()
                .filter(row -> row.stored().token().expiresAt().isBefore(now))
                .limit(limit)
                .map(row -> row.stored().token().id())
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
                .map(Row::stored)
                .filter(row -> row.token().userId().equals(user) && row.state() == RefreshTokenState.ACTIVE)
                .count();
    }

    public Optional<RefreshTokenState> stateOf(TokenId id) {
        return find(id).map(StoredRefreshToken::state);
    }
}
