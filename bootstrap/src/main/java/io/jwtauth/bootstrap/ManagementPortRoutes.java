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
 * property, nothing serves the metrics; with metrics switched off the property is ignored, and the API port as
 * management port is refused ({@link ManagementPortCheck}; see docs/observability.md). The route is anonymous, with or without its
 * trailing slash, through the REST adapter's {@code ManagementPortRule}, which allows routes bound to a port of their
 * own: the security framework stays in the REST adapter, and no rule matches on paths.
 */
@Singleton
@Requires(property = ManagementPortRoutes.PORT)
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
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
    @Requires(property = "micronaut.metrics.enabled", notEquals = "false")
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
