package io.jwtauth.bootstrap;

import io.jwtauth.adapter.persistence.CachingUserStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Meters of our own parts, next to micronaut-micrometer's (JVM, database pool, HTTP): the user cache's hits, misses,
 * evictions and size as {@code cache_*{cache="users"}}. Bound once the server has started, not as a
 * {@code MeterBinder} bean: building the user store while the registry is being built would build the registry again
 * (through the data source's pool metrics). Password hashing is metered where it is built ({@code Wiring}), as
 * {@code executor_*{name="password.hashing"}}. See docs/observability.md.
 */
@Singleton
final class MetricsBinders implements ApplicationEventListener<ServerStartupEvent> {

    private final BeanProvider<MeterRegistry> registry;
    private final BeanProvider<CachingUserStore> users;

    MetricsBinders(BeanProvider<MeterRegistry> registry, BeanProvider<CachingUserStore> users) {
        this.registry = registry;
        this.users = users;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        CaffeineCacheMetrics.monitor(registry.get(), users.get().cache(), "users");
    }
}
