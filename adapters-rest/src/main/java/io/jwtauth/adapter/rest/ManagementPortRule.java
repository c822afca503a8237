package io.jwtauth.adapter.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Routes bound to a port of their own (Micronaut's {@code exposedPort}: the Prometheus scrape on the management port,
 * registered in bootstrap) are anonymous there. The rule looks at the matched route and the port the request arrived
 * on, never at the path, so it holds for every spelling the router accepts ({@code /prometheus}, {@code /prometheus/})
 * and cannot open a path on the API port: a route of the API port has no port of its own. The management port is kept
 * unpublished instead (docs/observability.md), and bootstrap refuses to start when it is the API port.
 * Every other route says who may call it with {@code @Secured}; this rule answers nothing for them.
 */
@Singleton
final class ManagementPortRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        RouteInfo<?> route = RouteAttributes.getRouteInfo(request).orElse(null);
        if (route instanceof UriRouteInfo<?, ?> uriRoute && uriRoute.getPort() != null
                && uriRoute.getPort() == request.getServerAddress().getPort()) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        return Publishers.just(SecurityRuleResult.UNKNOWN);
    }
}
