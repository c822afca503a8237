package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * The build starts the server once with {@code jwt-auth.cds-training=true} and
 * {@code -XX:ArchiveClassesAtExit}: once it serves, it runs one operator command, then exits, and the JVM writes the
 * classes it loaded into a class-data sharing archive that the {@code jwt-auth} launcher maps at every later start,
 * roughly halving start-up. The command puts the command line's own classes (picocli's, the commands') into the
 * archive, so that operator commands start faster too.
 */
@Singleton
@Requires(property = "jwt-auth.cds-training", value = "true")
final class ClassDataSharingTraining implements ApplicationEventListener<ServerStartupEvent> {

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int status = 1;
        try {
            status = OperatorCommands.run("tokens", "flush-expired");
        } finally {
            // A failed command fails the build rather than leave an archive without the command line's classes.
            int exitStatus = status;
            // Exit from another thread: System.exit waits for shutdown hooks, which wait for this event's thread.
            Thread exit = new Thread(() -> System.exit(exitStatus), "cds-training-exit");
            exit.start();
        }
    }
}
