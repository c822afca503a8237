package io.jwtauth.adapter.persistence;

import io.jwtauth.domain.StoreUnavailable;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.exceptions.NoConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stores' SQL on the default datasource, each call in the caller's transaction or in one of its own, and is
 * the one place where a database that cannot be reached becomes the domain's {@link StoreUnavailable}, which the REST
 * layer answers with 503. Every other failure stays what it is: a bug or a broken schema must not pass for an outage.
 * During an outage, a {@link CircuitBreaker} turns most calls away before they wait on the pool.
 */
@Singleton
final class JdbcStatements {

    /** The SQLState of a unique or primary key violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /** Enough to get through any wrapping the frameworks do, and finite even if a cause chain loops. */
    private static final int MAX_CAUSE_DEPTH = 16;

    /**
     * How often, during an outage, one call goes through to try the database: the service notices the database's
     * return within about this long, and the database meets one connection attempt per node and interval, not a
     * storm of them.
     */
    private static final Duration OUTAGE_RETRY_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStatements.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final SchemaReadiness schema;
    private final CircuitBreaker breaker = new CircuitBreaker(System::nanoTime, OUTAGE_RETRY_INTERVAL);
    /** Whether the last call that decided it found the database reachable: outage lines are logged on change only. */
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    JdbcStatements(JdbcOperations jdbc, TransactionOperations<Connection> transactions, SchemaReadiness schema) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schema = schema;
    }

    <R> R read(String sql, PreparedStatementCallback<R> work) {
        return translatingOutages(() -> transactions.executeRead(status -> jdbc.prepareStatement(sql, work)));
    }

    <R> R write(String sql, PreparedStatementCallback<R> work) {
        return translatingOutages(() -> transactions.executeWrite(status -> jdbc.prepareStatement(sql, work)));
    }

    /** Runs {@code work} in one write transaction, which the {@link #read} and {@link #write} calls inside it join. */
    <R> R inTransaction(Supplier<R> work) {
        return translatingOutages(() -> transactions.executeWrite(status -> work.get()));
    }

    /** Runs an INSERT whose statement, once executed, hands back the generated value of {@code keyColumn}. */
    <R> R insert(String sql, String keyColumn, PreparedStatementCallback<R> work) {
        return translatingOutages(() -> transactions.executeWrite(status -> jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {keyColumn})) {
                return work.call(statement);
            }
        })));
    }

    /** Instants go to TIMESTAMP WITH TIME ZONE columns at offset zero, which both drivers bind the same way. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static boolean hasSqlState(Throwable failure, String sqlState) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && sqlState.equals(sql.getSQLState()));
    }

    private <R> R translatingOutages(Supplier<R> call) {
        if (!schema.ready() && !schema.awaitReady()) {
            if (reachable.compareAndSet(true, false)) {
                LOG.warn("The database cannot be reached, or its schema is not migrated yet; answering 503 until it is");
            }
            throw new StoreUnavailable("the database schema is not migrated yet (is the database reachable?)", null);
        }
        if (!breaker.tryAcquirePermission()) {
            throw new StoreUnavailable("the database could not be reached moments ago", null);
        }
        R result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                breaker.onError();
                if (reachable.compareAndSet(true, false)) {
                    LOG.warn("The database cannot be reached; answering 503 until it can: {}", e.getMessage());
                }
                throw new StoreUnavailable("the database cannot be reached", e);
            }
            reached();
            throw e;
        }
        reached();
        return result;
    }

    private void reached() {
        breaker.onSuccess();
        if (!reachable.get() && reachable.compareAndSet(false, true)) {
            LOG.info("The database can be reached again");
        }
    }

    /**
     * Pool timeouts and refused or broken connections, as the exception types JDBC reserves for them or as SQLState
     * class 08; PostgreSQL's shutdown states 57P01 to 57P03, which a pooled connection reports when the server stops
     * under it; and Micronaut's failures to open, reset or close a connection. The last matter because after a
     * connection breaks mid-statement, Micronaut's attempt to reset it throws and hides the original failure. A missing
     * connection scope ({@link NoConnectionException}) is a bug, not an outage.
     */
    private static boolean isOutage(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof ConnectionException && !(cause instanceof NoConnectionException)
                || cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]")));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
