package io.jwtauth.adapter.persistence;

import static io.jwtauth.adapter.persistence.JdbcStatements.utc;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Refresh token records in the {@code refresh_tokens} table. A record is born {@code ACTIVE} and leaves that state
 * only through conditional UPDATEs ({@code … AND state = 'ACTIVE'}), so the database, not this process, decides
 * which of many concurrent rotations, logouts or revocations of one token wins, on any number of nodes.
 */
@Singleton
public final class JdbcRefreshTokenStore implements RefreshTokenStore {

    /**
     * Picks the oldest expired rows in a subquery, because neither H2 nor PostgreSQL limits a DELETE directly. A flush
     * running at the same time on another node waits for this one's row locks and then skips the rows that are gone,
     * so concurrent flushes delete each row once and none of them fails. (SKIP LOCKED would spare the wait, but H2
     * then locks every expired row and loses the index order, a thirtyfold slowdown.)
     */
    static final String DELETE_EXPIRED = "DELETE FROM refresh_tokens WHERE id IN (SELECT id FROM refresh_tokens"
            + " WHERE expires_at < ? ORDER BY expires_at FETCH FIRST ? ROWS ONLY)";
    // The statements that look rows up, named so that QueryPlanTest can check that an index serves each of them.
    static final String FIND = "SELECT id, user_id, family_id, parent_id, expires_at, state, retired_at"
            + " FROM refresh_tokens WHERE id = ?";
    /**
     * The successor the rotation named on the parent's row, never one found by parent_id: concurrent exchanges that
     * lost the rotation recorded successors with the same parent (see the V4 migration).
     */
    static final String ACTIVE_SUCCESSOR = "SELECT successor.id FROM refresh_tokens parent"
            + " JOIN refresh_tokens successor ON successor.id = parent.successor_id"
            + " WHERE parent.id = ? AND successor.state = 'ACTIVE'";
    /** Retires the token and names its successor in one conditional UPDATE, so only the winner's successor is named. */
    static final String ROTATE = "UPDATE refresh_tokens SET state = 'ROTATED', retired_at = ?, successor_id = ?"
            + " WHERE id = ? AND state = 'ACTIVE'";
    private static final String RETIRE_ACTIVE = "UPDATE refresh_tokens SET state = ?, retired_at = ? WHERE state = 'ACTIVE' AND ";
    static final String RETIRE = RETIRE_ACTIVE + "id = ?";
    static final String REVOKE_FAMILY = RETIRE_ACTIVE + "family_id = ?";
    static final String REVOKE_ALL_OF_USER = RETIRE_ACTIVE + "user_id = ?";

    private final JdbcStatements statements;

    JdbcRefreshTokenStore(JdbcStatements statements) {
        this.statements = statements;
    }

    @Override
    public void record(IssuedRefreshToken token) {
        try {
            statements.write("INSERT INTO refresh_tokens (id, user_id, family_id, parent_id, expires_at, state)"
                    + " VALUES (?, ?, ?, ?, ?, 'ACTIVE')", insert -> {
                        insert.setString(1, token.id().value());
                        insert.setLong(2, token.userId().value());
                        insert.setString(3, token.family().value());
                        if (token.parent().isPresent()) {
                            insert.setString(4, token.parent().get().value());
                        } else {
                            insert.setNull(4, Types.VARCHAR);
                        }
                        insert.setObject(5, utc(token.expiresAt()));
                        return insert.executeUpdate();
                    });
        } catch (DataAccessException e) {
            if (JdbcStatements.hasSqlState(e, JdbcStatements.UNIQUE_VIOLATION)) {
                throw new IllegalStateException("token id recorded twice: " + token.id().value(), e);
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredRefreshToken> find(TokenId id) {
        return statements.read(FIND, select -> {
                    select.setString(1, id.value());
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(stored(row)) : Optional.empty();
                    }
                });
    }

    @Override
    public boolean retire(TokenId id, RefreshTokenState newState, Instant now) {
        if (newState == RefreshTokenState.ACTIVE || newState == RefreshTokenState.ROTATED) {
            throw new IllegalArgumentException("retired to BLACKLISTED or REVOKED; rotated only with its successor");
        }
        return retireWhere(RETIRE, newState, now, id.value()) == 1;
    }

    @Override
    public boolean rotate(TokenId parent, TokenId successor, Instant now) {
        if (parent.equals(successor)) {
            throw new IllegalArgumentException("a token is not its own successor");
        }
        return statements.write(ROTATE, update -> {
            update.setObject(1, utc(now));
            update.setString(2, successor.value());
            update.setString(3, parent.value());
            return update.executeUpdate();
        }) == 1;
    }

    @Override
    public Optional<TokenId> activeSuccessorOf(TokenId parent) {
        return statements.read(ACTIVE_SUCCESSOR, select -> {
            select.setString(1, parent.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new TokenId(row.getString(1))) : Optional.empty();
            }
        });
    }

    @Override
    public int revokeFamily(FamilyId family, Instant now) {
        return retireWhere(REVOKE_FAMILY, RefreshTokenState.REVOKED, now, family.value());
    }

    @Override
    public int revokeAllOf(UserId user, Instant now) {
        return retireWhere(REVOKE_ALL_OF_USER, RefreshTokenState.REVOKED, now, user.value());
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return statements.write(DELETE_EXPIRED, delete -> {
            delete.setObject(1, utc(now));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        });
    }

    private int retireWhere(String statement, RefreshTokenState newState, Instant now, Object value) {
        return statements.write(statement, update -> {
            update.setString(1, newState.name());
            update.setObject(2, utc(now));
            update.setObject(3, value);
            return update.executeUpdate();
        });
    }

    private static StoredRefreshToken stored(ResultSet row) throws SQLException {
        String parent = row.getString("parent_id");
        IssuedRefreshToken token = new IssuedRefreshToken(new TokenId(row.getString("id")),
                new UserId(row.getLong("user_id")), new FamilyId(row.getString("family_id")),
                Optional.ofNullable(parent).map(TokenId::new),
                row.getObject("expires_at", OffsetDateTime.class).toInstant());
        Optional<Instant> retiredAt = Optional.ofNullable(row.getObject("retired_at", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
        return new StoredRefreshToken(token, RefreshTokenState.valueOf(row.getString("state")), retiredAt);
    }
}
