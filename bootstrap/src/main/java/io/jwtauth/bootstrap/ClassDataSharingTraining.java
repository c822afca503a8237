package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * The build starts the server once with {@code jwt-auth.cds-training=true} and
 * {@code -XX:ArchiveClassesAtExit}: once it serves, it exits, and the JVM writes the classes start-up loaded into a
 * class-data sharing archive that the {@code jwt-auth} launcher maps at every later start, roughly halving start-up.
 */
@Singleton
@Requires(property = "jwt-auth.cds-training", value = "true")
final class ClassDataSharingTraining implements ApplicationEventListener<ServerStartupEvent> {

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        // Exit from another thread: System.exit waits for shutdown hooks, which wait for this event's thread.
        Thread exit = new Thread(() -> System.exit(0), "cds-training-exit");
        exit.start();
    }
}
