package io.jwtauth.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;
import java.util.concurrent.TimeUnit;

/**
 * Records {@code http.server.requests} for the requests that micronaut-micrometer's own filter never sees: it has no
 * order, so it runs last, inside the security filter, and every answer made before it (the 401s and 403s of the
 * security filter, the 400s, 413s and 415s that {@code HttpMessageChecks} answers before routing, CORS refusals) went
 * unrecorded (micronaut-micrometer 5.13.2; its issue #970). This filter runs in the metrics phase, ahead of all of
 * those, and records a request only if that filter did not, with the same name and tags (method, status, uri as the
 * route's template without its trailing slash, exception), so both land in one series.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class UnmeteredRequests implements Ordered {

    static final String METRIC = "http.server.requests";
    /** Set by micronaut-micrometer's ServerMetricsFilter when it starts timing a request. */
    private static final String METERED = "io.micronaut.configuration.metrics.binder.web.ServerMetricsFilter.START_ATTRIBUTE";
    private static final String START = UnmeteredRequests.class.getName() + ".START";

    private final MeterRegistry registry;

    UnmeteredRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        if (request.getAttribute(METERED).isPresent()) {
            return;
        }
        long start = request.getAttribute(START, Long.class).orElseGet(System::nanoTime);
        Object exception = response.getAttribute(HttpAttributes.EXCEPTION).orElse(null);
        registry.timer(METRIC, Tags.of(
                "exception", response.code() >= 400 && exception != null ? exception.getClass().getSimpleName() : "none",
                "method", request.getMethodName(),
                "status", Integer.toString(response.code()),
                "uri", uri(request, response.code())))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** As micronaut-micrometer names it: the route's template, or NOT_FOUND, or UNMATCHED_URI before routing. */
    private static String uri(HttpRequest<?> request, int status) {
        if (status == 404) {
            return "NOT_FOUND";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        String template = request.getAttribute(HttpAttributes.ROUTE_INFO, UriRouteMatch.class)
                .map(match -> match.getRouteInfo().getUriMatchTemplate().toPathString())
                .or(() -> request.getAttribute(HttpAttributes.URI_TEMPLATE, String.class))
                .orElse("UNMATCHED_URI");
        String path = template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        return path.isEmpty() ? "root" : path;
    }
}
