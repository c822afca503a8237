package io.jwtauth.adapter.persistence;

import io.jwtauth.domain.FailedLogins;
import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.port.LoginFailureStore;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Failed-login tallies in the {@code login_failures} table. A failure is counted by an UPDATE that adds one in the
 * database, never by reading, adding and writing back, so concurrent failures on many nodes are all counted. The
 * first failure of a key INSERTs its row; if another node inserted it first, the unique key says so and the failure
 * is counted by the UPDATE after all. Neither H2 nor PostgreSQL needs its own dialect for any of it.
 */
@Singleton
public final class JdbcLoginFailureStore implements LoginFailureStore {

    private static final String SELECT = "SELECT failures, last_failure_at FROM login_failures WHERE throttle_key = ?";
    private static final String COUNT_ONE_MORE = "UPDATE login_failures"
            + " SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ?"
            + " WHERE throttle_key = ?";

    private final JdbcStatements statements;

    JdbcLoginFailureStore(JdbcStatements statements) {
        this.statements = statements;
    }

    @Override
    public Optional<FailedLogins> find(ThrottleKey key) {
        return statements.read(SELECT, select -> tally(select, key));
    }

    @Override
    public FailedLogins add(ThrottleKey key, Instant now, Instant forgetBefore) {
        Optional<FailedLogins> counted = countOneMore(key, now, forgetBefore);
        if (counted.isPresent()) {
            return counted.get();
        }
        try {
            statements.write("INSERT INTO login_failures (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)",
                    insert -> {
                        insert.setString(1, key.value());
                        insert.setObject(2, utc(now));
                        return insert.executeUpdate();
                    });
            return new FailedLogins(1, now);
        } catch (DataAccessException e) {
            if (JdbcStatements.hasSqlState(e, JdbcStatements.UNIQUE_VIOLATION)) {
                return countOneMore(key, now, forgetBefore)
                        .orElseThrow(() -> new IllegalStateException("a login-failure row vanished while being counted", e));
            }
            throw e;
        }
    }

    @Override
    public void reset(ThrottleKey key) {
        statements.write("DELETE FROM login_failures WHERE throttle_key = ?", delete -> {
            delete.setString(1, key.value());
            return delete.executeUpdate();
        });
    }

    /** In bounded batches by a subquery, as {@link JdbcRefreshTokenStore} deletes expired tokens, for the same reasons. */
    @Override
    public int deleteLastFailedBefore(Instant before, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return statements.write("DELETE FROM login_failures WHERE throttle_key IN (SELECT throttle_key FROM login_failures"
                + " WHERE last_failure_at < ? ORDER BY last_failure_at FETCH FIRST ? ROWS ONLY)", delete -> {
                    delete.setObject(1, utc(before));
                    delete.setInt(2, limit);
                    return delete.executeUpdate();
                });
    }

    /**
     * The UPDATE and the SELECT share a transaction: the UPDATE's row lock keeps every other writer out until the
     * commit, so the SELECT reads exactly the tally this failure made.
     */
    private Optional<FailedLogins> countOneMore(ThrottleKey key, Instant now, Instant forgetBefore) {
        return statements.inTransaction(() -> {
            int updated = statements.write(COUNT_ONE_MORE, update -> {
                update.setObject(1, utc(forgetBefore));
                update.setObject(2, utc(now));
                update.setString(3, key.value());
                return update.executeUpdate();
            });
            return updated == 0 ? Optional.<FailedLogins>empty() : statements.write(SELECT, select -> tally(select, key));
        });
    }

    private static Optional<FailedLogins> tally(PreparedStatement select, ThrottleKey key) throws SQLException {
        select.setString(1, key.value());
        try (ResultSet row = select.executeQuery()) {
            return row.next()
                    ? Optional.of(new FailedLogins(row.getInt(1), row.getObject(2, OffsetDateTime.class).toInstant()))
                    : Optional.empty();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
