package io.jwtauth.adapter.rest;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import java.util.Map;

/**
 * Refuses to start with a CORS configuration that lets every origin in.
 * Micronaut reads a configuration without {@code allowed-origins} (or whose list did not bind, as happens to an
 * environment variable spelled for a list) as "any origin": any page on the web could then read login answers from a
 * user's browser. See docs/http.md, CORS.
 */
@Context
final class CorsGuard {

    CorsGuard(HttpServerConfiguration server) {
        HttpServerConfiguration.CorsConfiguration cors = server.getCors();
        if (!cors.isEnabled()) {
            return;
        }
        for (Map.Entry<String, CorsOriginConfiguration> entry : cors.getConfigurations().entrySet()) {
            CorsOriginConfiguration origins = entry.getValue();
            String name = "micronaut.server.cors.configurations." + entry.getKey();
            if (origins.getAllowedOriginsRegex().isEmpty()
                    && (origins.getAllowedOrigins().isEmpty() || origins.getAllowedOrigins().contains("*"))) {
                throw new IllegalStateException(name + " allows every origin: name them in allowed-origins (or "
                        + "allowed-origins-regex), in a configuration file (docs/http.md, CORS)");
            }
        }
    }
}
