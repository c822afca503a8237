package io.jwtauth.adapter.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Checks every answer the HTTP tests get against the OpenAPI document that micronaut-openapi generated from the
 * controllers (the same file {@code GET /api/schema/} serves), with Atlassian's swagger-request-validator: the status
 * must be one the operation lists, the content type one it lists for that status, the body valid against its schema
 * (which lists every field: {@code additionalProperties: false}), every required header present, and no API header
 * ({@link #API_HEADERS}) sent that the document does not name. A request to a path or method the document does not
 * have must be answered 404 or 405 with DRF's {@code {"detail": …}}. Violations are collected in {@link #VIOLATIONS};
 * {@link OpenApiConformance} fails the test that caused them.
 *
 * <p>Created with each test server ({@link Context}), so that the document is parsed before the first request. Ordered
 * before every filter of the service, so that its response filter runs last and sees the final answer:
 * the 401s of the security filter, the 404/405/415 of the framework, the shaping of {@link HttpMessageChecks}. It reads
 * the answer before the framework encodes it, so an object body is checked as the JSON the service's own
 * {@link JsonMapper} writes of it, and a body without a content type counts as {@code application/json}, the
 * service's default. Request bodies are not checked (many tests send wrong ones on purpose).
 *
 * <p>Not checked: Swagger UI's files below {@code /api/docs/} (files, not API), and CORS preflights (an
 * {@code OPTIONS} with {@code Access-Control-Request-Method}), which docs/http.md describes.
 */
@Context
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class OpenApiConformanceFilter implements Ordered {

    /** Found by {@link OpenApiConformance} after each test. */
    static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();

    /** Headers that are part of the API: sending one the operation's answer does not document is a violation. */
    static final List<String> API_HEADERS = List.of(HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER,
            HttpHeaders.CACHE_CONTROL, ForwardAuthController.USER_ID, ForwardAuthController.USERNAME);

    private static final String FORWARD_AUTH = "/api/forward-auth";
    private static final String SWAGGER_UI_FILES = "/api/docs/";

    private static final OpenAPI DOCUMENT;
    private static final OpenApiInteractionValidator VALIDATOR;

    static {
        String yaml = readDocument();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        DOCUMENT = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
        VALIDATOR = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
        // The validator builds its JSON Schema machinery on first use: seconds on a busy machine, which would delay
        // the first answer of each test server past the raw-socket tests' read timeout.
        VALIDATOR.validateResponse("/api/health", Request.Method.GET, SimpleResponse.Builder.ok()
                .withContentType(MediaType.APPLICATION_JSON).withBody("{\"status\":\"ok\"}").build());
    }

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
        String path = request.getPath();
        HttpMethod method = request.getMethod();
        if (path.startsWith(SWAGGER_UI_FILES) && path.length() > SWAGGER_UI_FILES.length()
                || method == HttpMethod.OPTIONS && request.getHeaders().contains("Access-Control-Request-Method")) {
            return;
        }
        String documentedPath = documentedPath(path);
        String what = method + " " + path + " answered " + response.code();
        String body = body(response);
        Operation operation = operation(documentedPath, method);
        ApiResponse documented = operation == null ? null : operation.getResponses().get(String.valueOf(response.code()));
        if (documented == null && refusedBeforeAnyEndpoint(request, response, body)) {
            return;
        }
        if (operation == null) {
            VIOLATIONS.add(what + ": no such operation in the document, and not a refusal it describes; body " + body);
            return;
        }
        for (String header : API_HEADERS) {
            if (response.getHeaders().contains(header)
                    && (documented == null || documented.getHeaders() == null || !documented.getHeaders().containsKey(header))) {
                VIOLATIONS.add(what + ": header " + header + " is not in the document");
            }
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.code());
        response.getHeaders().forEach((name, values) -> answer.withHeader(name, values));
        if (body != null && method != HttpMethod.HEAD) {
            answer.withBody(body);
            answer.withContentType(response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON));
        }
        Request.Method asked = method == HttpMethod.HEAD ? Request.Method.GET : Request.Method.valueOf(method.name());
        ValidationReport report = VALIDATOR.validateResponse(documentedPath, asked, answer.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR
                    && !(method == HttpMethod.HEAD && message.getKey().equals("validation.response.body.missing"))) {
                VIOLATIONS.add(what + ": " + message.getKey() + ": " + message.getMessage() + "; body " + body);
            }
        }
    }

    /**
     * What the document's description says of every path: unknown paths answer 404, wrong methods 405, and what the
     * HTTP layer refuses before any endpoint runs (docs/http.md: malformed requests 400, a forbidden CORS origin 403,
     * an unsatisfiable {@code Accept} 406, oversized parts 413/414/431, unsupported framing 501/505) answers that
     * status with DRF's {@code {"detail": …}} and nothing else (HEAD: no body).
     */
    private boolean refusedBeforeAnyEndpoint(HttpRequest<?> request, MutableHttpResponse<?> response, String body) {
        int status = response.code();
        boolean described = status == 404 || status == 405 || status == 400 || status == 406 || status == 413
                || status == 414 || status == 431 || status == 501 || status == 505
                || status == 403 && request.getHeaders().contains(HttpHeaders.ORIGIN);
        if (!described) {
            return false;
        }
        if (body == null) {
            return request.getMethod() == HttpMethod.HEAD;
        }
        try {
            Map<String, Object> fields = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return fields.size() == 1 && fields.get("detail") instanceof String;
        } catch (IOException notJson) {
            return false;
        }
    }

    /** The document's spelling: micronaut-openapi writes paths without simplejwt's trailing slash. */
    private static String documentedPath(String path) {
        if (path.equals(FORWARD_AUTH) || path.startsWith(FORWARD_AUTH + "/")) {
            return FORWARD_AUTH; // "and any path below it", as the operation says
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Operation operation(String path, HttpMethod method) {
        PathItem item = DOCUMENT.getPaths().get(path);
        if (item == null) {
            return null;
        }
        Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
        String name = (method == HttpMethod.HEAD ? HttpMethod.GET : method).name();
        try {
            return operations.get(PathItem.HttpMethod.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknownMethod) {
            return null;
        }
    }

    private String body(MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readDocument() {
        try (InputStream in = OpenApiConformanceFilter.class.getClassLoader().getResourceAsStream(ApiDocsController.DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(ApiDocsController.DOCUMENT + " is not on the classpath: micronaut-openapi did not run");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
