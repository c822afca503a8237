package io.jwtauth.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * jwt-auth's OpenAPI document as a contract that every answer of the HTTP and end-to-end tests must keep, checked
 * with Atlassian's swagger-request-validator: the status must be one the operation lists, the content type one it
 * lists for that status, the body valid against its schema (response schemas list every field:
 * {@code additionalProperties: false}), every required header present; and no API header ({@link #API_HEADERS})
 * sent where the document does not name it. A path or method the document does not have must get one of the
 * refusals its description lists for every path (404, 405, and what the HTTP layer refuses before any endpoint runs:
 * 400, 403 to a CORS origin, 406, 413, 414, 431, 501, 505), with DRF's {@code {"detail": …}} and nothing else.
 *
 * <p>Answers, not requests, are checked: many tests send wrong requests on purpose, and a wrong request's answer must
 * be documented all the same. Not checked, and why: Swagger UI's files below {@code /api/docs/} (static files the
 * document does not describe one by one) and CORS preflights (an {@code OPTIONS} with
 * {@code Access-Control-Request-Method}, answered by the CORS layer as docs/http.md describes, not an operation).
 *
 * <p>Parsing a document and building the validator's JSON Schema machinery takes seconds, so each distinct document
 * is parsed once per JVM; the contract is then shared by every client and thread (the validator is thread-safe).
 */
public final class OpenApiContract {

    /** Where micronaut-openapi writes the document into adapters-rest's jar; {@code GET /api/schema/} serves it. */
    public static final String DOCUMENT = "META-INF/swagger/jwt-auth.yml";

    /** Headers that are part of the API: sending one the operation's answer does not document is a violation. */
    public static final List<String> API_HEADERS = List.of("WWW-Authenticate", "Retry-After", "Cache-Control",
            "X-Auth-User-Id", "X-Auth-Username");

    private static final Set<Integer> REFUSED_ON_ANY_PATH = Set.of(400, 404, 405, 406, 413, 414, 431, 501, 505);
    private static final String FORWARD_AUTH = "/api/forward-auth";
    private static final String SWAGGER_UI_FILES = "/api/docs/";
    private static final Map<String, OpenApiContract> PARSED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One answer as the checks see it. {@code requestHeader} looks up a request header by name (any case), null when
     * absent; {@code body} is null when there is none; {@code contentType} is the answer's, null when there is none.
     */
    public record Exchange(String method, String path, Function<String, String> requestHeader,
                           int status, Map<String, List<String>> responseHeaders, String body, String contentType) {
    }

    private final OpenAPI document;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.document = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
        if (document == null || document.getPaths() == null) {
            throw new IllegalArgumentException("not an OpenAPI document:\n" + yaml);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
        // The validator builds its JSON Schema machinery on first use: seconds on a busy machine, which would delay
        // the first checked answer past a test's read timeout when the check runs inside a server.
        validator.validateResponse("/api/health", Request.Method.GET, SimpleResponse.Builder.ok()
                .withContentType("application/json").withBody("{\"status\":\"ok\"}").build());
    }

    /** The contract of this YAML document, parsed once per JVM. */
    public static OpenApiContract of(String yaml) {
        return PARSED.computeIfAbsent(yaml, OpenApiContract::new);
    }

    /** The document on the classpath ({@link #DOCUMENT}): adapters-rest's, as the modules that depend on it see it. */
    public static OpenApiContract fromClasspath() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath: micronaut-openapi did not run");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document that the server at {@code base} serves at {@code GET /api/schema/}: the one of the jar it runs. */
    public static OpenApiContract servedBy(URI base) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/schema/"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/schema/ answered " + answer.statusCode() + ": " + answer.body());
        }
        return of(answer.body());
    }

    /** Throws an {@link AssertionError} naming every way the answer departs from the document. */
    public void verify(HttpResponse<String> response) {
        List<String> violations = violations(response);
        if (!violations.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not describe this answer:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /**
     * Every way an answer the JDK's client received departs from the document. The wire's empty body counts as none
     * (the JDK reads {@code ""} for a 200 of forward authentication, or any answer to HEAD).
     */
    public List<String> violations(HttpResponse<String> response) {
        HttpRequest request = response.request();
        String body = response.body() == null || response.body().isEmpty() ? null : response.body();
        return violations(new Exchange(request.method(), request.uri().getRawPath(),
                name -> request.headers().firstValue(name).orElse(null), response.statusCode(),
                response.headers().map(), body, response.headers().firstValue("Content-Type").orElse(null)));
    }

    /** Every way {@code exchange} departs from the document; empty when it keeps it. */
    public List<String> violations(Exchange exchange) {
        String path = exchange.path().isEmpty() ? "/" : exchange.path();
        String method = exchange.method().toUpperCase(Locale.ROOT);
        boolean head = method.equals("HEAD");
        List<String> found = new ArrayList<>();
        if (path.startsWith(SWAGGER_UI_FILES) && path.length() > SWAGGER_UI_FILES.length()
                || method.equals("OPTIONS") && exchange.requestHeader().apply("Access-Control-Request-Method") != null) {
            return found;
        }
        String documentedPath = documentedPath(path);
        String what = method + " " + path + " answered " + exchange.status();
        Operation operation = operation(documentedPath, head ? "GET" : method);
        ApiResponse documented = operation == null ? null
                : operation.getResponses().get(String.valueOf(exchange.status()));
        if (documented == null && refusedBeforeAnyEndpoint(exchange, head)) {
            return found;
        }
        if (operation == null) {
            found.add(what + ": no such operation in the document, and not a refusal it describes; body "
                    + exchange.body());
            return found;
        }
        Predicate<String> sent = name -> exchange.responseHeaders().keySet().stream().anyMatch(name::equalsIgnoreCase);
        for (String header : API_HEADERS) {
            if (sent.test(header) && (documented == null || documented.getHeaders() == null
                    || documented.getHeaders().keySet().stream().noneMatch(header::equalsIgnoreCase))) {
                found.add(what + ": header " + header + " is not in the document");
            }
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(answer::withHeader);
        if (exchange.body() != null && !head) {
            answer.withBody(exchange.body());
            if (exchange.contentType() != null) {
                answer.withContentType(exchange.contentType());
            }
        }
        ValidationReport report = validator.validateResponse(documentedPath,
                Request.Method.valueOf(head ? "GET" : method), answer.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR
                    && !(head && message.getKey().equals("validation.response.body.missing"))) {
                found.add(what + ": " + message.getKey() + ": " + message.getMessage() + "; body " + exchange.body());
            }
        }
        return found;
    }

    /**
     * What the document's description says of every path: unknown paths answer 404, wrong methods 405, and what the
     * HTTP layer refuses before any endpoint runs (docs/http.md: malformed requests 400, a forbidden CORS origin 403,
     * an unsatisfiable {@code Accept} 406, oversized parts 413/414/431, unsupported framing 501/505) answers that
     * status with DRF's {@code {"detail": …}} and nothing else (HEAD: no body).
     */
    private static boolean refusedBeforeAnyEndpoint(Exchange exchange, boolean head) {
        int status = exchange.status();
        if (!REFUSED_ON_ANY_PATH.contains(status) && !(status == 403 && exchange.requestHeader().apply("Origin") != null)) {
            return false;
        }
        if (exchange.body() == null) {
            return head;
        }
        try {
            Map<String, Object> fields = JSON.readValue(exchange.body(), new TypeReference<Map<String, Object>>() { });
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

    private Operation operation(String path, String method) {
        PathItem item = document.getPaths().get(path);
        if (item == null) {
            return null;
        }
        try {
            return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        } catch (IllegalArgumentException unknownMethod) {
            return null;
        }
    }
}
