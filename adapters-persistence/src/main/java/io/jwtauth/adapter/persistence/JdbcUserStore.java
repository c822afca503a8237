package io.jwtauth.adapter.persistence;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.UsernameTaken;
import io.jwtauth.domain.port.UserStore;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Accounts in the {@code users} table. The unique constraint on the name, not a check before the insert, decides
 * which of two concurrent registrations of one name wins, so the loser gets {@link UsernameTaken} on any node.
 */
@Singleton
public final class JdbcUserStore implements UserStore {

    private static final String SELECT = "SELECT id, username, password_hash, active, credentials_changed_at FROM users";
    // The statements that look rows up, named so that QueryPlanTest can check that an index serves each of them.
    static final String FIND_BY_USERNAME = SELECT + " WHERE username = ?";
    static final String FIND_BY_ID = SELECT + " WHERE id = ?";
    static final String CHANGE_PASSWORD = "UPDATE users SET password_hash = ?, credentials_changed_at = ? WHERE id = ?";
    static final String DEACTIVATE = "UPDATE users SET active = FALSE, credentials_changed_at = ? WHERE id = ?";
    static final String ACTIVATE = "UPDATE users SET active = TRUE WHERE id = ?";
    static final String REPLACE_PASSWORD_HASH = "UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?";

    private final JdbcStatements statements;

    JdbcUserStore(JdbcStatements statements) {
        this.statements = statements;
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return statements.read(FIND_BY_USERNAME, select -> {
            select.setString(1, username.value());
            return single(select);
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return statements.read(FIND_BY_ID, select -> {
            select.setLong(1, id.value());
            return single(select);
        });
    }

    @Override
    public User add(Username username, PasswordHash passwordHash, boolean active, Instant now) {
        try {
            UserId id = statements.insert("INSERT INTO users (username, password_hash, active, credentials_changed_at)"
                    + " VALUES (?, ?, ?, ?)", "id",
                    insert -> {
                        insert.setString(1, username.value());
                        insert.setString(2, passwordHash.encoded());
                        insert.setBoolean(3, active);
                        insert.setObject(4, JdbcStatements.utc(now));
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            return new UserId(keys.getLong(1));
                        }
                    });
            return new User(id, username, passwordHash, active, now);
        } catch (DataAccessException e) {
            if (JdbcStatements.hasSqlState(e, JdbcStatements.UNIQUE_VIOLATION)) {
                throw new UsernameTaken(username);
            }
            throw e;
        }
    }

    @Override
    public void changePassword(UserId id, PasswordHash passwordHash, Instant now) {
        statements.write(CHANGE_PASSWORD, update -> {
            update.setString(1, passwordHash.encoded());
            update.setObject(2, JdbcStatements.utc(now));
            update.setLong(3, id.value());
            return update.executeUpdate();
        });
    }

    @Override
    public void deactivate(UserId id, Instant now) {
        statements.write(DEACTIVATE, update -> {
            update.setObject(1, JdbcStatements.utc(now));
            update.setLong(2, id.value());
            return update.executeUpdate();
        });
    }

    /** One conditional UPDATE, so the database decides against a concurrent change on any node. */
    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return statements.write(REPLACE_PASSWORD_HASH, update -> {
            update.setString(1, replacement.encoded());
            update.setLong(2, id.value());
            update.setString(3, expected.encoded());
            return update.executeUpdate() == 1;
        });
    }

    @Override
    public void activate(UserId id) {
        statements.write(ACTIVATE, update -> {
            update.setLong(1, id.value());
            return update.executeUpdate();
        });
    }

    private static Optional<User> single(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new User(new UserId(row.getLong("id")), new Username(row.getString("username")),
                    new PasswordHash(row.getString("password_hash")), row.getBoolean("active"),
                    row.getObject("credentials_changed_at", OffsetDateTime.class).toInstant()));
        }
    }
}
