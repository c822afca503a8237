package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The build starts the server once with {@code jwt-auth.cds-training=true} and {@code -XX:ArchiveClassesAtExit}
 * (JDK 17) or {@code -XX:AOTCacheOutput} (JDK 25+): once it serves, it answers a few requests, runs one operator
 * command, then exits, and the JVM writes the classes it loaded into a cache that the {@code jwt-auth} launcher maps at
 * every later start. The requests put the classes of the request paths (the token check, the answers, a refused login)
 * into the cache, so that the first answers after a start come sooner; the command puts the command line's own
 * classes (picocli's, the commands') there, so that operator commands start faster too.
 */
@Singleton
@Requires(property = "jwt-auth.cds-training", value = "true")
final class ClassDataSharingTraining implements ApplicationEventListener<ServerStartupEvent> {

    /** Requests whose answers do not matter, only the code they run: none needs a user or a valid token. */
    private static final String[][] REQUESTS = {
        {"GET", "/api/health/", ""},
        {"GET", "/api/profile/", ""},
        {"GET", "/.well-known/jwks.json", ""},
        {"POST", "/api/token/", "username=cds-training&password=not-a-password"},
        {"POST", "/api/token/refresh/", "refresh=not.a.token"},
        {"POST", "/api/token/verify/", "{\"token\":\"not.a.token\"}"},
    };

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int status = 1;
        try {
            answerRequests(event.getSource().getURI());
            status = OperatorCommands.run("tokens", "flush-expired");
        } finally {
            // A failed command fails the build rather than leave an archive without the command line's classes.
            int exitStatus = status;
            // Exit from another thread: System.exit waits for shutdown hooks, which wait for this event's thread.
            Thread exit = new Thread(() -> System.exit(exitStatus), "cds-training-exit");
            exit.start();
        }
    }

    private static void answerRequests(URI server) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String[] request : REQUESTS) {
            String type = request[2].startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
            HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(request[1]))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer not.a.token");
            if (request[0].equals("POST")) {
                builder.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(request[2]));
            }
            try {
                client.send(builder.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException failure) {
                throw new IllegalStateException("training request " + request[1] + " failed", failure);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
    }
}
