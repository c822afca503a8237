package io.jwtauth.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.web.router.ErrorRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.context.BeanProvider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Records {@code http.server.requests} (a timer, seconds) for every answered request, with the tags micronaut-micrometer
 * 5.13 gives it, so dashboards and alerts written for that library work unchanged: {@code method} (the HTTP method),
 * {@code status} (the response code), {@code uri} (the route's template without its trailing slash, {@code NOT_FOUND}
 * for 404s, {@code REDIRECTION} for 3xx, {@code UNMATCHED_URI} before routing, {@code root} for {@code /}) and
 * {@code exception} (the simple class name of the exception behind an error answer, else {@code none}).
 *
 * <p>It replaces micronaut-micrometer's own {@code ServerMetricsFilter}, switched off in application.yml
 * ({@code micronaut.metrics.binders.web.enabled: false}), for two reasons. That filter has no order, so it runs last,
 * inside the security filter, and never sees the answers made before it (the security filter's 401s and 403s, the
 * refusals of {@code HttpMessageChecks}, CORS refusals: micronaut-micrometer issue #970); this one starts its clock
 * in a pre-matching filter ordered before every other, {@code HttpMessageChecks} included, and records on the
 * response side of whichever chain answered (pre-matching or routed), so no filter's answer passes it by. And that filter builds the route's template string, a tag list and a meter id
 * and looks the timer up in the registry on every request; this one keeps the timer of each tag combination in a map
 * keyed by objects the request already holds, so a request costs one map look-up and one {@code record}.
 *
 * <p>Two kinds of answer reach no filter and are recorded elsewhere or tagged with care: a request whose request line
 * or header block Netty could not decode (414, 431, 400) is answered by Micronaut straight through the error response
 * processor, so {@link DecoderFailures} records it there, with a time of 0 (no filter ran to start a clock); a 405
 * (a path a route has, a method it does not take) is answered without a matched route, so its {@code uri} is the
 * template of a route of that path, found again on the 405 only. Docs: docs/observability.md.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
final class RequestMetrics implements Ordered {

    static final String METRIC = "http.server.requests";
    static final String DESCRIPTION = "HTTP requests answered, by method, status, route template and exception";
    private static final String START = RequestMetrics.class.getName() + ".START";
    /** Stands for the route in the key of the answers whose uri tag does not depend on it (404, 3xx, unrouted). */
    private static final Object NO_ROUTE = new Object();

    private final MeterRegistry registry;
    /** Lazily: the router is built from the filters, this one included. */
    private final BeanProvider<Router> router;
    /** Bounded: methods are an enum, routes and templates are the application's, exceptions its classes. */
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, BeanProvider<Router> router) {
        this.registry = registry;
        this.router = router;
    }

    @Override
    public int getOrder() {
        // Outermost, before and after routing: ahead of HttpMessageChecks (ServerFilterPhase.FIRST.before()), CORS
        // and security, so whatever they answer passes its response side.
        return ServerFilterPhase.FIRST.before() - 1;
    }

    @PreMatching
    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    /**
     * Records an answer a pre-matching filter made (HttpMessageChecks' refusals, a CORS preflight). Micronaut runs the
     * response side of pre-matching filters only then: once the request is routed, it drops them from the chain and
     * runs the post-matching filters, where {@link #record(HttpRequest, HttpResponse)} records. So each answer is
     * recorded by exactly one of the two.
     */
    @PreMatching
    @ResponseFilter
    void recordAnsweredBeforeRouting(HttpRequest<?> request, HttpResponse<?> response) {
        record(request, response, System.nanoTime());
    }

    /** Records an answer made after routing: by a route, an error route, the security filter, or a 404/405. */
    @ResponseFilter
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        record(request, response, System.nanoTime());
    }

    /**
     * Records an answer that no filter saw: Micronaut answers a request Netty could not decode without running any
     * filter. Only those: anything else the error response processor shapes passes {@link #record} too.
     */
    void recordUndecodable(HttpRequest<?> request, HttpResponse<?> response) {
        if (request.getAttribute(START).isEmpty() && request instanceof NettyHttpRequest<?> netty
                && netty.getNativeRequest().decoderResult().isFailure()) {
            record(request, response, System.nanoTime());
        }
    }

    private void record(HttpRequest<?> request, HttpResponse<?> response, long end) {
        Object start = request.getAttribute(START).orElse(null);
        int status = response.code();
        Key key = new Key(request.getMethod(), status, route(request, status), exception(response, status));
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::timer);
        }
        timer.record(start instanceof Long nanos ? end - nanos : 0, TimeUnit.NANOSECONDS);
    }

    /**
     * The object that names the uri tag: the route's template, the template string set by the router, for a 405 the
     * template of a route of the path (Micronaut answers it without matching one), or none.
     */
    private Object route(HttpRequest<?> request, int status) {
        if (status == 404 || (status >= 300 && status < 400)) {
            return NO_ROUTE;
        }
        RouteInfo<?> info = RouteAttributes.getRouteInfo(request).orElse(null);
        if (info instanceof UriRouteInfo<?, ?> uriRoute) {
            return uriRoute.getUriMatchTemplate();
        }
        Object template = BasicHttpAttributes.getUriTemplate(request).orElse(null);
        if (template != null) {
            return template;
        }
        if (status == 405) {
            for (UriRouteMatch<Object, Object> other : router.get().findAny(request)) {
                return other.getRouteInfo().getUriMatchTemplate();
            }
        }
        return NO_ROUTE;
    }

    /** As micronaut-micrometer: an exception counts unless an error route answered it with a status below 400. */
    private static Class<?> exception(HttpResponse<?> response, int status) {
        Throwable exception = RouteAttributes.getException(response).orElse(null);
        if (exception == null) {
            return null;
        }
        if (status < 400) {
            RouteMatch<?> match = RouteAttributes.getRouteMatch(response).orElse(null);
            if (match != null && match.getRouteInfo() instanceof ErrorRouteInfo<?, ?>) {
                return null;
            }
        }
        return exception.getClass();
    }

    private Timer timer(Key key) {
        return Timer.builder(METRIC).description(DESCRIPTION).tags(Tags.of(
                "exception", key.exception == null ? "none" : key.exception.getSimpleName(),
                "method", key.method.name(),
                "status", Integer.toString(key.status),
                "uri", uri(key))).register(registry);
    }

    private static String uri(Key key) {
        if (key.status == 404) {
            return "NOT_FOUND";
        }
        if (key.status >= 300 && key.status < 400) {
            return "REDIRECTION";
        }
        if (key.route == NO_ROUTE) {
            return "UNMATCHED_URI";
        }
        String template = key.route instanceof UriMatchTemplate match
                ? match.toPathString() : key.route.toString();
        String path = template.replaceAll("//+", "/");
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return path.isEmpty() ? "root" : path;
    }

    private record Key(HttpMethod method, int status, Object route, Class<?> exception) {
    }
}
