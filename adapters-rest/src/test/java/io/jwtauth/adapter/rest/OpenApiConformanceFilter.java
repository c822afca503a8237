package io.jwtauth.adapter.rest;

import io.jwtauth.testsupport.OpenApiContract;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Checks every answer the HTTP tests of this module get against the OpenAPI document that micronaut-openapi generated
 * from the controllers (the same file {@code GET /api/schema/} serves), with test-support's {@link OpenApiContract}:
 * inside the server, so that the Micronaut client's tests and the raw-socket tests alike are covered. Violations are
 * collected in {@link #VIOLATIONS}; {@link OpenApiConformance} fails the test that caused them (throwing here would
 * only turn the answer into a 500).
 *
 * <p>Created with each test server ({@link Context}), so that the document is parsed before the first request. Ordered
 * before every filter of the service, so that its response filter runs last and sees the final answer:
 * the 401s of the security filter, the 404/405/415 of the framework, the shaping of {@link HttpMessageChecks}. It reads
 * the answer before the framework encodes it, so an object body is checked as the JSON the service's own
 * {@link JsonMapper} writes of it, and a body without a content type counts as {@code application/json}, the
 * service's default.
 */
@Context
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class OpenApiConformanceFilter implements Ordered {

    /** Found by {@link OpenApiConformance} after each test. */
    static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

    private static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath();

    private final JsonMapper json;

    OpenApiConformanceFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before() - 1;
    }

    @ResponseFilter
    void check(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String body = body(response);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(headers::put);
        String contentType = body == null ? null
                : response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
        VIOLATIONS.addAll(CONTRACT.violations(new OpenApiContract.Exchange(request.getMethodName(), request.getPath(),
                name -> request.getHeaders().get(name), response.code(), headers, body, contentType)));
    }

    private String body(MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        if (body == null) { // an empty body is none, as on the wire
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof CharSequence text) {
            return text.isEmpty() ? null : text.toString();
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> drain() {
        List<String> found = new ArrayList<>();
        for (String violation; (violation = VIOLATIONS.poll()) != null; ) {
            found.add(violation);
        }
        return found;
    }
}
