package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.RawHttpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus scrape as an operator sets it up (docs/observability.md): served nowhere by default, and once enabled
 * with a management port, there only; what it counts, including the 401s that the security filter answers before any
 * controller runs; and that its text is valid Prometheus exposition format, checked by Prometheus's own promtool.
 */
class MetricsTest {

    private static final String USER = "metrics-user";
    private static final String PASSWORD = "metrics-password";
    private static final String NOT_FOUND = "{\"detail\":\"Not found.\"}";
    /** promtool's advice on Micrometer's own meters: timers written without HELP, and two names Micrometer fixes. */
    private static final List<String> UPSTREAM_LINT = List.of(
            "executor_idle_seconds no help text", "executor_idle_seconds_max no help text",
            "executor_seconds no help text", "executor_seconds_max no help text",
            "process_cpu_time_ns_total metric names should not contain abbreviated units",
            "system_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix");

    private final HttpClient http = HttpClient.newHttpClient();
    private ApplicationContext context;
    /** The management port of the server {@link #startWithManagementPort} started. */
    private int management;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void byDefaultTheMetricsAreServedOnNoPort() {
        int api = start(Map.of());

        HttpResponse<String> scrape = get(api, "/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(404);
        assertThat(scrape.body()).isEqualTo(NOT_FOUND);
        assertThat(get(api, "/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void enabledWithAManagementPortTheMetricsAreServedThereOnlyAndHealthStaysOnTheApiPort() {
        int api = startWithManagementPort(Map.of());

        for (String path : List.of("/prometheus", "/prometheus/")) {
            HttpResponse<String> onApi = get(api, path, null);
            assertThat(onApi.statusCode()).as(path).isEqualTo(404);
            assertThat(onApi.body()).isEqualTo(NOT_FOUND);
            HttpResponse<String> scrape = get(management, path, null);
            assertThat(scrape.statusCode()).as(path + " on the management port").isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge");
        }
        for (String probe : List.of("/health", "/health/liveness", "/health/readiness", "/api/health/")) {
            assertThat(get(api, probe, null).statusCode()).as(probe).isEqualTo(200);
            assertThat(get(management, probe, null).statusCode()).as(probe + " on the management port").isEqualTo(404);
        }
    }

    @Test
    void withMetricsSwitchedOffTheServiceStillServes() {
        int api = start(Map.of("micronaut.metrics.enabled", "false"));
        context.getBean(io.jwtauth.application.CreateUser.class).handle(new io.jwtauth.application.CreateUser.Command(
                new io.jwtauth.domain.Username("unmetered-user"), new io.jwtauth.domain.PlainPassword(PASSWORD)));

        String access = Client.field(post(api, "/api/token/", "username=unmetered-user&password=" + PASSWORD).body(), "access");

        assertThat(get(api, "/api/profile/", access).statusCode()).isEqualTo(200);
        assertThat(get(api, "/api/profile/", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theSecurityFiltersRefusalsAreCountedWithTheirStatusAndRoute() {
        int api = startWithManagementPort(Map.of());
        double before = requests(scrape(management), "GET", "401", "/api/profile").orElse(0.0);

        assertThat(get(api, "/api/profile/", null).statusCode()).isEqualTo(401);
        assertThat(get(api, "/api/profile/", "not-a-token").statusCode()).isEqualTo(401);

        String after = scrape(management);
        assertThat(requests(after, "GET", "401", "/api/profile"))
                .as(String.join("\n", after.lines().filter(line -> line.startsWith("http_server_requests")).toList()))
                .hasValue(before + 2);
    }

    /**
     * Refusals made before routing, by HttpMessageChecks (a pre-matching filter) and by Micronaut itself for a header
     * block Netty could not decode, are counted like any other answer; a 405 on a known path carries the route.
     */
    @Test
    void refusalsMadeBeforeRoutingAndWrongMethodsAreCounted() {
        int api = startWithManagementPort(Map.of());
        RawHttpClient raw = new RawHttpClient(URI.create("http://127.0.0.1:" + api));
        String host = "Host: 127.0.0.1:" + api + "\r\n";
        record Refusal(String request, String method, String status, String uri) {
        }
        List<Refusal> refusals = List.of(
                new Refusal("POST /api/token/verify/ HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                        + "Content-Encoding: gzip\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx",
                        "POST", "415", "UNMATCHED_URI"),
                new Refusal("GET /api/health/ HTTP/2.5\r\n" + host + "\r\n", "GET", "505", "UNMATCHED_URI"),
                new Refusal("GET /api/health/ HTTP/1.1\r\n" + host + host + "Connection: close\r\n\r\n",
                        "GET", "400", "UNMATCHED_URI"),
                new Refusal("POST /api/token/ HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n",
                        "POST", "400", "UNMATCHED_URI"),
                new Refusal("GET /api/health/ HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(17_000)
                        + "\r\nConnection: close\r\n\r\n", "GET", "431", "UNMATCHED_URI"),
                new Refusal("DELETE /api/profile/ HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                        "DELETE", "405", "/api/profile"));

        for (Refusal refusal : refusals) {
            String before = scrape(management);
            RawHttpClient.Answer answer = raw.send(refusal.request());
            assertThat(answer.status()).as(refusal.request().lines().findFirst().orElseThrow())
                    .isEqualTo(Integer.parseInt(refusal.status()));
            String after = scrape(management);
            assertThat(requests(after, refusal.method(), refusal.status(), refusal.uri()).orElse(0.0)
                    - requests(before, refusal.method(), refusal.status(), refusal.uri()).orElse(0.0))
                    .as(refusal.method() + " " + refusal.status() + " " + refusal.uri() + " in\n" + String.join("\n",
                            after.lines().filter(line -> line.startsWith("http_server_requests_seconds_count")).toList()))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void passwordGuessingWithAnAccessTokenIsCountedByOutcome() {
        // A throttle wait far longer than the test, so that a slow machine cannot reopen it before the last guess.
        int api = startWithManagementPort(Map.of("auth.login-throttle.first-delay", "1h",
                "auth.login-throttle.max-delay", "1h"));
        context.getBean(io.jwtauth.application.CreateUser.class).handle(new io.jwtauth.application.CreateUser.Command(
                new io.jwtauth.domain.Username("metrics-guesser"), new io.jwtauth.domain.PlainPassword(PASSWORD)));
        String access = Client.field(post(api, "/api/token/", "username=metrics-guesser" + "&password=" + PASSWORD).body(), "access");
        String before = scrape(management);

        for (int guess = 0; guess < 10; guess++) {
            assertThat(post(api, "/api/password/change/", "old_password=guess" + guess + "&new_password=n3w-pw", access)
                    .statusCode()).isEqualTo(400);
        }
        assertThat(post(api, "/api/password/change/", "old_password=guess&new_password=n3w-pw", access).statusCode())
                .isEqualTo(429);

        String after = scrape(management);
        assertThat(counter(after, "jwt_auth_password_changes_total{outcome=\"wrong_old_password\"}")
                - counter(before, "jwt_auth_password_changes_total{outcome=\"wrong_old_password\"}")).isEqualTo(10.0);
        assertThat(counter(after, "jwt_auth_password_changes_total{outcome=\"throttled\"}")
                - counter(before, "jwt_auth_password_changes_total{outcome=\"throttled\"}")).isEqualTo(1.0);
        assertThat(counter(after, "jwt_auth_password_changes_total{outcome=\"success\"}")).isEqualTo(0.0);
    }

    /** The value of a counter line, given as its name and labels exactly as the scrape writes them. */
    static double counter(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError(series + " is not in the scrape"));
    }

    @Test
    void theScrapeHoldsTheServicesOwnMetersAndIsValidForPromtool(@TempDir Path dir) throws Exception {
        int api = startWithManagementPort(Map.of());
        context.getBean(io.jwtauth.application.CreateUser.class).handle(new io.jwtauth.application.CreateUser.Command(
                new io.jwtauth.domain.Username(USER), new io.jwtauth.domain.PlainPassword(PASSWORD)));
        String access = Client.field(post(api, "/api/token/", "username=" + USER + "&password=" + PASSWORD).body(), "access");
        assertThat(get(api, "/api/profile/", access).statusCode()).isEqualTo(200);
        assertThat(get(api, "/api/profile/", access).statusCode()).isEqualTo(200);

        String scrape = scrape(management);
        Files.writeString(dir.resolve("scrape.txt"), scrape);
        Files.writeString(Path.of("target/metrics-scrape.txt"), scrape);

        assertThat(requests(scrape, "GET", "200", "/api/profile")).hasValue(2.0);
        assertThat(requests(scrape, "POST", "200", "/api/token")).hasValue(1.0);
        assertThat(scrape).contains(
                "executor_queued_tasks{name=\"password.hashing\"}",
                "executor_idle_seconds_count{name=\"password.hashing\"}",
                "cache_gets_total{cache=\"users\",result=\"hit\"}",
                "jvm_memory_used_bytes{",
                "jvm_threads_live_threads ",
                "hikaricp_connections_active{pool=\"default\"}",
                "jwt_auth_logins_total{outcome=\"success\"} 1.0",
                "jwt_auth_logins_total{outcome=\"invalid_credentials\"} 0.0",
                "jwt_auth_logins_total{outcome=\"throttled\"} 0.0",
                "jwt_auth_logins_total{outcome=\"over_capacity\"} 0.0",
                "jwt_auth_refreshes_total{rotated=\"false\"} 0.0",
                "jwt_auth_refresh_token_reuse_total 0.0",
                "jwt_auth_refresh_token_blacklisted_total 0.0",
                "jwt_auth_revoke_all_total 0.0",
                "jwt_auth_password_changes_total{outcome=\"success\"} 0.0",
                "jwt_auth_password_changes_total{outcome=\"wrong_old_password\"} 0.0",
                "jwt_auth_password_changes_total{outcome=\"throttled\"} 0.0");
        // Off unless asked for: the logback binder's turbo filter costs every request (docs/observability.md).
        assertThat(scrape).doesNotContain("logback_events_total");

        Optional<Path> promtool = executable("promtool");
        if (promtool.isEmpty()) {
            System.out.println("MetricsTest: promtool is not installed (Debian: apt-get install prometheus); "
                    + "the scrape was not checked with it");
            return;
        }
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                .redirectInput(dir.resolve("scrape.txt").toFile()).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("MetricsTest: promtool check metrics exited " + check.exitValue() + ":\n" + report);
        // 1 is a scrape Prometheus cannot parse; 3 is lint advice only. The advice allowed is about meters whose
        // names and help texts Micrometer itself chooses; anything about ours fails.
        assertThat(check.exitValue()).as(report).isIn(0, 3);
        assertThat(report.lines()).as(report).allMatch(problem -> UPSTREAM_LINT.stream().anyMatch(problem::startsWith));
    }

    private static Optional<Path> executable(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    HttpResponse<String> post(int port, String path, String form) {
        return post(port, path, form, null);
    }

    HttpResponse<String> post(int port, String path, String form, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return sendChecked(request.build());
    }

    /** The value of http_server_requests_seconds_count for the method, status and route, if it was reported. */
    static Optional<Double> requests(String scrape, String method, String status, String uri) {
        Matcher line = Pattern.compile("(?m)^http_server_requests_seconds_count\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("status=\"" + status + "\"")
                    && labels.contains("uri=\"" + uri + "\"")) {
                return Optional.of(Double.parseDouble(line.group(2)));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the server with a management port that was free a moment before. The API listener binds a port the
     * kernel picks, which can be that very one: then another is tried, up to three times.
     */
    private int startWithManagementPort(Map<String, Object> properties) {
        for (int attempt = 1; ; attempt++) {
            management = freePort();
            Map<String, Object> withManagementPort = new HashMap<>(properties);
            withManagementPort.put("endpoints.prometheus.port", management);
            try {
                return start(withManagementPort);
            } catch (ServerStartupException e) {
                context.close();
                if (attempt == 3 || !(rootCause(e) instanceof BindException)) {
                    throw e;
                }
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private int start(Map<String, Object> properties) {
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        return context.getBean(EmbeddedServer.class).start().getPort();
    }

    String scrape(int port) {
        HttpResponse<String> scrape = get(port, "/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }

    HttpResponse<String> get(int port, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (path.startsWith("/prometheus")) { // the management port's text format is not an API operation
            return send(request.build());
        }
        return sendChecked(request.build());
    }

    /** Sends the request and checks the answer against the OpenAPI document. */
    private HttpResponse<String> sendChecked(HttpRequest request) {
        HttpResponse<String> answer = send(request);
        OpenApiContract.fromClasspath().verify(answer);
        return answer;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port free at this moment; the server binds it right after. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
