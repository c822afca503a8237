package io.jwtauth.example.resourceserver;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The example application, started in this JVM on a free port with its own configuration files. */
final class ResourceServer implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private ResourceServer(EmbeddedServer server) {
        this.server = server;
    }

    /**
     * @param properties what a user sets (e.g. {@code jwt-auth.jwks-url}); the port is picked here
     * @param environments {@code jwks} or {@code shared-secret}, as the docs tell a user to choose, and any other
     */
    static ResourceServer start(Map<String, Object> properties, String... environments) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        return new ResourceServer(ApplicationContext.run(EmbeddedServer.class, all, environments));
    }

    /** GETs the protected route with {@code Authorization: Bearer <token>}. */
    HttpResponse<String> whoAmI(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/api/whoami"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
