package io.jwtauth.adapter.persistence;

import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Refresh token records in the {@code refresh_tokens} table. A record is born {@code ACTIVE} and leaves that state
 * through one conditional UPDATE, so the database, not this process, decides which of many concurrent rotations or
 * logouts of one token wins, on any number of nodes.
 */
@Singleton
public final class JdbcRefreshTokenStore implements RefreshTokenStore {

    // The statements that look rows up, named so that QueryPlanTest can check that an index serves each of them.
    static final String STATE_OF = "SELECT state FROM refresh_tokens WHERE id = ?";
    static final String RETIRE = "UPDATE refresh_tokens SET state = ? WHERE id = ? AND state = 'ACTIVE'";
    /**
     * Picks the oldest expired rows in a subquery, because neither H2 nor PostgreSQL limits a DELETE directly. A flush
     * running at the same time on another node waits for this one's row locks and then skips the rows that are gone,
     * so concurrent flushes delete each row once and none of them fails. (SKIP LOCKED would spare the wait, but H2
     * then locks every expired row and loses the index order, a thirtyfold slowdown.)
     */
    static final String DELETE_EXPIRED = "DELETE FROM refresh_tokens WHERE id IN (SELECT id FROM refresh_tokens"
            + " WHERE expires_at < ? ORDER BY expires_at FETCH FIRST ? ROWS ONLY)";

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
    public Optional<RefreshTokenState> stateOf(TokenId id) {
        return statements.read(STATE_OF, select -> {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(RefreshTokenState.valueOf(row.getString(1))) : Optional.empty();
            }
        });
    }

    @Override
    public boolean retire(TokenId id, RefreshTokenState newState) {
        if (newState == RefreshTokenState.ACTIVE) {
            throw new IllegalArgumentException("a token is retired to a state other than ACTIVE");
        }
        return statements.write(RETIRE, update -> {
            update.setString(1, newState.name());
            update.setString(2, id.value());
            return update.executeUpdate() == 1;
        });
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

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
