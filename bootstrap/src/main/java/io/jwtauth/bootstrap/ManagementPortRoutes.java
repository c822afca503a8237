package io.jwtauth.bootstrap;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.context.annotation.Executable;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;

/**
 * Serves the Prometheus scrape at {@code GET /prometheus} on the management port {@code endpoints.prometheus.port},
 * and only there. Netty opens a listener for a route with an exposed port by itself, and serves nothing else on it;
 * the API port does not serve this route (404 there). Micronaut's own {@code endpoints.all.port} would move
 * {@code /health} off the API port too, where orchestrators probe it; this moves the metrics alone. Without the
 * property, nothing serves the metrics (see docs/observability.md). The route is anonymous through
 * {@code micronaut.security.intercept-url-map} in application.yml: the security framework stays in the REST adapter.
 */
@Singleton
@Requires(property = ManagementPortRoutes.PORT)
final class ManagementPortRoutes extends DefaultRouteBuilder {

    static final String PORT = "endpoints.prometheus.port";

    ManagementPortRoutes(ExecutionHandleLocator locator, UriNamingStrategy naming, @Property(name = PORT) int port,
                         PrometheusScrape scrape) {
        super(locator, naming);
        GET("/prometheus", scrape, "scrape").exposedPort(port);
    }

    /** The scrape itself: every meter of the registry in Prometheus's text format 0.0.4. */
    @Singleton
    @Requires(property = ManagementPortRoutes.PORT)
    static class PrometheusScrape {

        private final PrometheusMeterRegistry registry;

        PrometheusScrape(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        @Executable
        @Produces("text/plain; version=0.0.4; charset=utf-8")
        public String scrape() {
            return registry.scrape();
        }
    }
}
