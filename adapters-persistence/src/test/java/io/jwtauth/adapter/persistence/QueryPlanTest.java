package io.jwtauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement that looks rows up is served by an index, so that its cost does not grow with the number of users
 * or of token records kept. PostgreSQL's planner prefers a sequential scan on a table as small as a test's, so it is
 * told to avoid one where it can: a plan that still scans the whole table then means that no index fits the query.
 * The benchmark (perf/http/refresh-history.sh) shows the plans PostgreSQL chooses on its own with a million records.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class QueryPlanTest {

    /** A statement the stores run, with parameter values of the right types. */
    record Lookup(String name, String sql, Binder binder) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @Parameter
    TestDatabase database;

    static Stream<Lookup> lookups() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Stream.of(
                new Lookup("user by name", JdbcUserStore.FIND_BY_USERNAME, s -> s.setString(1, "alice")),
                new Lookup("user by id", JdbcUserStore.FIND_BY_ID, s -> s.setLong(1, 1L)),
                new Lookup("password change", JdbcUserStore.CHANGE_PASSWORD, s -> {
                    s.setString(1, "hash");
                    s.setObject(2, now);
                    s.setLong(3, 1L);
                }),
                new Lookup("deactivation", JdbcUserStore.DEACTIVATE, s -> {
                    s.setObject(1, now);
                    s.setLong(2, 1L);
                }),
                new Lookup("activation", JdbcUserStore.ACTIVATE, s -> s.setLong(1, 1L)),
                new Lookup("hash upgrade", JdbcUserStore.REPLACE_PASSWORD_HASH, s -> {
                    s.setString(1, "new");
                    s.setLong(2, 1L);
                    s.setString(3, "old");
                }),
                new Lookup("token by id", JdbcRefreshTokenStore.FIND, s -> s.setString(1, "jti")),
                new Lookup("active successor of a token", JdbcRefreshTokenStore.ACTIVE_SUCCESSOR, s -> s.setString(1, "jti")),
                new Lookup("token retirement by id", JdbcRefreshTokenStore.RETIRE, s -> retire(s, "jti")),
                new Lookup("token rotation by id", JdbcRefreshTokenStore.ROTATE, s -> {
                    s.setObject(1, now);
                    s.setString(2, "successor-jti");
                    s.setString(3, "jti");
                }),
                new Lookup("family revocation", JdbcRefreshTokenStore.REVOKE_FAMILY, s -> retire(s, "family")),
                new Lookup("revocation of a user's tokens", JdbcRefreshTokenStore.REVOKE_ALL_OF_USER, s -> {
                    s.setString(1, "REVOKED");
                    s.setObject(2, now);
                    s.setLong(3, 1L);
                }),
                new Lookup("flush of the oldest expired tokens", JdbcRefreshTokenStore.DELETE_EXPIRED, s -> {
                    s.setObject(1, now);
                    s.setInt(2, 1_000);
                }));
    }

    private static void retire(PreparedStatement statement, String key) throws SQLException {
        statement.setString(1, "REVOKED");
        statement.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
        statement.setString(3, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void isServedByAnIndex(Lookup lookup) {
        String plan = plan(lookup);

        assertThat(scansAWholeTable(plan)).as("plan of %s:%n%s", lookup.name(), plan).isFalse();
    }

    private String plan(Lookup lookup) {
        JdbcOperations jdbc = database.bean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = database.bean(TransactionOperations.class);
        return transactions.executeWrite(status -> jdbc.execute(connection -> {
            if (database == TestDatabase.POSTGRESQL) {
                try (Statement set = connection.createStatement()) {
                    set.execute("SET LOCAL enable_seqscan = off");
                }
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + lookup.sql())) {
                lookup.binder().bind(explain);
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }));
    }

    private boolean scansAWholeTable(String plan) {
        return switch (database) {
            case H2 -> plan.contains(".tableScan");
            case POSTGRESQL -> plan.contains("Seq Scan");
        };
    }
}
