package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code endpoints.prometheus.port} against the rest of the configuration when the context starts, before any
 * port is opened (docs/observability.md):
 *
 * <ul>
 *   <li>the API port ({@code micronaut.server.port}, Micronaut's 8080 when unset) as management port would serve the
 *       anonymous scrape on the API port, which must never happen: the start is refused with {@link StartupRefused}
 *       (one line, exit status 1, see {@link Application});</li>
 *   <li>with {@code micronaut.metrics.enabled: false} there is nothing to serve: the port is ignored with a warning
 *       ({@link ManagementPortRoutes} is not made then) rather than refused, so that switching metrics off, an
 *       emergency setting, never stops a node whose deployment names a management port.</li>
 * </ul>
 *
 * <p>Not in the operator commands' context ({@link Environment#CLI}): they open no port, and run without metrics.
 */
@Context
@Requires(property = ManagementPortRoutes.PORT)
@Requires(notEnv = Environment.CLI)
final class ManagementPortCheck {

    ManagementPortCheck(@Property(name = ManagementPortRoutes.PORT) int managementPort,
                        @Property(name = "micronaut.server.port", defaultValue = "8080") int apiPort,
                        @Property(name = "micronaut.metrics.enabled", defaultValue = "true") boolean metrics) {
        if (managementPort == apiPort) {
            throw new StartupRefused(ManagementPortRoutes.PORT + " (" + managementPort + ") is the API port "
                    + "micronaut.server.port: the metrics would be served anonymously on the API; choose another port");
        }
        if (!metrics) {
            LoggerFactory.getLogger(ManagementPortCheck.class).warn("{} ({}) is ignored: micronaut.metrics.enabled "
                    + "is false, so there are no metrics to serve and no management port is opened",
                    ManagementPortRoutes.PORT, managementPort);
        }
    }
}
