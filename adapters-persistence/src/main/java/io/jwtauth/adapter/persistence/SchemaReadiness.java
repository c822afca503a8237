package io.jwtauth.adapter.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database's schema is there for the stores: once Flyway has migrated the default datasource (or at once
 * when Flyway does not run). The server migrates in the background, retrying while the database cannot be reached,
 * so that a node started during a database outage stays up and reports not ready instead of exiting; until then the
 * stores answer {@code StoreUnavailable} (503) rather than query tables that may not exist yet.
 */
@Singleton
public final class SchemaReadiness implements ApplicationEventListener<MigrationFinishedEvent> {

    /** No longer than the pool's own wait for a connection (datasources.default.connection-timeout). */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(3);

    private final CountDownLatch migrated;
    /** System.nanoTime after which callers no longer wait for the migration but are turned away at once. */
    private final long waitUntil;

    SchemaReadiness(@Value("${flyway.datasources.default.enabled:false}") boolean migrating) {
        this.migrated = new CountDownLatch(migrating ? 1 : 0);
        this.waitUntil = System.nanoTime() + STARTUP_WAIT.toNanos();
    }

    @Override
    public void onApplicationEvent(MigrationFinishedEvent event) {
        migrated.countDown();
    }

    /** True once the schema is migrated; never false again. */
    public boolean ready() {
        return migrated.getCount() == 0;
    }

    /**
     * True if the schema is ready, waiting for it during the first {@link #STARTUP_WAIT} of this object's life only:
     * long enough for the migration of an ordinary start-up, so that the first requests are served rather than
     * refused, while a node started without its database does not hold a thread per request once that is clear.
     */
    boolean awaitReady() {
        long remaining = waitUntil - System.nanoTime();
        if (ready() || remaining <= 0) {
            return ready();
        }
        try {
            return migrated.await(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
