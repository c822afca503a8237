package io.jwtauth.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * With {@code micronaut.metrics.enabled: false} micronaut-micrometer makes no registry, but the security events and
 * password hashing still take one: they get an empty composite registry, whose meters record nothing
 * ({@link RequestMetrics} is not made at all then).
 */
@Factory
@Requires(property = "micronaut.metrics.enabled", value = "false")
final class DisabledMetrics {

    @Singleton
    MeterRegistry noMetrics() {
        return new CompositeMeterRegistry();
    }
}
