package io.jwtauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The JDK's HTTP client, pointed at one server, for tests: requests go over the wire exactly as written (form or
 * JSON bodies, an optional {@code Authorization} header) and answers come back raw as {@link HttpResponse}s. Each
 * request waits at most the answer timeout (30 s unless given), so a server that hangs fails the test rather than
 * stalling it. I/O failures surface as {@link UncheckedIOException}.
 *
 * <p>Built with an {@link OpenApiContract} (for jwt-auth itself), it checks every answer against the OpenAPI document
 * and throws an {@link AssertionError} listing what the document does not describe, which fails the test that sent
 * the request; an asynchronous answer's future fails with it. Without one (another server: a resource server, nginx,
 * the management port), answers are not checked.
 */
public final class TestHttpClient {

    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Duration timeout;
    private final OpenApiContract contract;

    /**
     * {@code base} is the server's root, e.g. {@code http://127.0.0.1:8000}; paths are appended to it. Answers are not
     * checked: use {@link #checked} for jwt-auth.
     */
    public TestHttpClient(URI base) {
        this(base, ANSWER_TIMEOUT);
    }

    public TestHttpClient(URI base, Duration timeout) {
        this(base, timeout, null);
    }

    private TestHttpClient(URI base, Duration timeout, OpenApiContract contract) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
        this.contract = contract;
    }

    /** A client for jwt-auth at {@code base} that checks every answer against {@code contract}. */
    public static TestHttpClient checked(URI base, OpenApiContract contract) {
        return checked(base, ANSWER_TIMEOUT, contract);
    }

    /** A client for jwt-auth at {@code base} that checks every answer against {@code contract}. */
    public static TestHttpClient checked(URI base, Duration timeout, OpenApiContract contract) {
        return new TestHttpClient(base, timeout, Objects.requireNonNull(contract));
    }

    /** {@code path} on this server: appended as written when it starts with {@code /}, else resolved from the root. */
    public URI uri(String path) {
        return path.startsWith("/") ? URI.create(base + path) : URI.create(base + "/").resolve(path);
    }

    /** POSTs a form, as the tutorial's curl does. */
    public HttpResponse<String> form(String path, String body) {
        return post(path, FORM, null, body);
    }

    /** The request {@link #form} sends, to send later or several at once with {@link #sendAsync}. */
    public HttpRequest.Builder formRequest(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    public HttpResponse<String> json(String path, String body) {
        return post(path, JSON, null, body);
    }

    /** POSTs {@code body} (UTF-8) with the given content type and Authorization header, each left out when null. */
    public HttpResponse<String> post(String path, String contentType, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** GETs {@code path}, with the given Authorization header unless it is null. */
    public HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** Sends a request built by the caller, with this client's timeout unless the request has one. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.timeout(timeout).build());
    }

    /** Sends without waiting, with this client's timeout; the future fails if the answer does not come. */
    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(this::checked);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return checked(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> checked(HttpResponse<String> response) {
        if (contract != null) {
            contract.verify(response);
        }
        return response;
    }
}
