package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (a rolling restart) stops the server before the JVM's shutdown hooks run. Micronaut's graceful shutdown
 * ({@code micronaut.lifecycle.graceful-shutdown} in application.yml) lets the requests under way finish, but the JVM
 * runs every shutdown hook at once, and the embedded H2's own hook closes the database at the first instant, under
 * those requests (H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} together with {@code AUTO_SERVER}). So the signal stops the
 * server first, which waits for the requests and then closes the pool and with it the database, and only then exits,
 * with the status a JVM ends with on SIGTERM (143). SIGINT (Ctrl-C) keeps the JVM's default.
 */
@Singleton
@Requires(notEnv = Environment.TEST)
final class GracefulTermination {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulTermination.class);
    private static final int EXIT_ON_SIGTERM = 128 + 15;

    /** A second SIGTERM must not exit while the first still waits for the requests under way. */
    private final AtomicBoolean terminating = new AtomicBoolean();

    @EventListener
    void onStartup(ServerStartupEvent started) {
        EmbeddedServer server = started.getSource();
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                if (terminating.compareAndSet(false, true)) {
                    new Thread(() -> {
                        LOG.info("SIGTERM: finishing the requests under way, then stopping");
                        server.stop();
                        System.exit(EXIT_ON_SIGTERM);
                    }, "graceful-termination").start();
                }
            });
        } catch (IllegalArgumentException noSuchSignal) {
            LOG.debug("No SIGTERM on this platform; the JVM's shutdown hooks stop the server", noSuchSignal);
        }
    }
}
