package io.jwtauth.bootstrap;

import io.jwtauth.adapter.persistence.SchemaReadiness;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Part of {@code GET /health/readiness}: DOWN until the database's schema is migrated, which a node started while its
 * database is away does in the background once the database answers. Micronaut's own JDBC indicator adds whether the
 * database answers right now; {@code /health/liveness} has neither, so an orchestrator waits for such a node instead
 * of restarting it.
 */
@Singleton
@Readiness
final class DatabaseSchemaIndicator implements HealthIndicator {

    private final SchemaReadiness schema;

    DatabaseSchemaIndicator(SchemaReadiness schema) {
        this.schema = schema;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("database-schema",
                schema.ready() ? HealthStatus.UP : HealthStatus.DOWN).build());
    }
}
