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
import java.util.Optional;

/**
 * Accounts in the {@code users} table. The unique constraint on the name, not a check before the insert, decides
 * which of two concurrent registrations of one name wins, so the loser gets {@link UsernameTaken} on any node.
 */
@Singleton
public final class JdbcUserStore implements UserStore {

    private static final String SELECT = "SELECT id, username, password_hash, active FROM users";

    private final JdbcStatements statements;

    JdbcUserStore(JdbcStatements statements) {
        this.statements = statements;
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return statements.read(SELECT + " WHERE username = ?", select -> {
            select.setString(1, username.value());
            return single(select);
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return statements.read(SELECT + " WHERE id = ?", select -> {
            select.setLong(1, id.value());
            return single(select);
        });
    }

    @Override
    public User add(Username username, PasswordHash passwordHash, boolean active) {
        try {
            UserId id = statements.insert("INSERT INTO users (username, password_hash, active) VALUES (?, ?, ?)", "id",
                    insert -> {
                        insert.setString(1, username.value());
                        insert.setString(2, passwordHash.encoded());
                        insert.setBoolean(3, active);
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            return new UserId(keys.getLong(1));
                        }
                    });
            return new User(id, username, passwordHash, active);
        } catch (DataAccessException e) {
            if (JdbcStatements.hasSqlState(e, JdbcStatements.UNIQUE_VIOLATION)) {
                throw new UsernameTaken(username);
            }
            throw e;
        }
    }

    @Override
    public void changePassword(UserId id, PasswordHash passwordHash) {
        statements.write("UPDATE users SET password_hash = ? WHERE id = ?", update -> {
            update.setString(1, passwordHash.encoded());
            update.setLong(2, id.value());
            return update.executeUpdate();
        });
    }

    /** One conditional UPDATE, so the database decides against a concurrent change on any node. */
    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return statements.write("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?", update -> {
            update.setString(1, replacement.encoded());
            update.setLong(2, id.value());
            update.setString(3, expected.encoded());
            return update.executeUpdate() == 1;
        });
    }

    @Override
    public void setActive(UserId id, boolean active) {
        statements.write("UPDATE users SET active = ? WHERE id = ?", update -> {
            update.setBoolean(1, active);
            update.setLong(2, id.value());
            return update.executeUpdate();
        });
    }

    private static Optional<User> single(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new User(new UserId(row.getLong("id")), new Username(row.getString("username")),
                    new PasswordHash(row.getString("password_hash")), row.getBoolean("active")));
        }
    }
}
