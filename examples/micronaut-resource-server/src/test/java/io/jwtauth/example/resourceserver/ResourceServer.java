package io.jwtauth.example.resourceserver;

import io.jwtauth.testsupport.TestHttpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** The example application, started in this JVM on a free port with its own configuration files. */
final class ResourceServer implements AutoCloseable {

    private final EmbeddedServer server;
    private final TestHttpClient http;

    private ResourceServer(EmbeddedServer server) {
        this.server = server;
        this.http = new TestHttpClient(server.getURI());
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
        try {
            return http.get("/api/whoami", "Bearer " + token);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
