package io.jwtauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar as an operator starts it, through the README's {@code jwt-auth} launcher: a separate JVM in its
 * own working folder (so {@code ./data} is fresh), configured only through environment variables. The launcher is
 * the system property {@code jwtauth.launcher}, or {@code ../jwt-auth} from a module of the root folder.
 *
 * <p>Its HTTP client is {@link TestHttpClient}, whose I/O failures it passes on as {@link IOException}s. Once the
 * server is up, every answer it gets is checked against the OpenAPI document that this server serves at
 * {@code /api/schema/} ({@link OpenApiContract}): an answer the document does not describe fails the test with an
 * {@link AssertionError}. {@link #raw} is not checked: it exists to send what no HTTP client would.
 */
public final class RunningJar implements AutoCloseable {

    public static final Path LAUNCHER = Path.of(System.getProperty("jwtauth.launcher", "../jwt-auth"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    public record Result(int exitCode, String out, String err) {
    }

    private final Process process;
    private final Path log;
    private TestHttpClient http;
    private OpenApiContract contract;
    public final int port;

    private RunningJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.http = new TestHttpClient(URI.create("http://127.0.0.1:" + port), ANSWER_TIMEOUT);
    }

    /**
     * Starts the server and waits until it is ready, as an orchestrator would before sending it traffic: until
     * {@code /health/readiness} answers 200, which it does once the database answers and its schema is migrated. The
     * port is picked free beforehand, so another listener (H2's automatic server in the same process, say) may take
     * it first: then the server cannot bind and exits, and it starts again on another port.
     */
    public static RunningJar serve(Path workDir, Map<String, String> environment) throws Exception {
        return serve(workDir, environment, "/health/readiness");
    }

    /** Starts the server and waits only until it is live ({@code /health/liveness}), ready or not. */
    public static RunningJar serveLive(Path workDir, Map<String, String> environment) throws Exception {
        return serve(workDir, environment, "/health/liveness");
    }

    private static RunningJar serve(Path workDir, Map<String, String> environment, String check) throws Exception {
        for (int attempt = 1; ; attempt++) {
            RunningJar jar = start(workDir, environment);
            if (jar.answers(check)) {
                URI base = URI.create("http://127.0.0.1:" + jar.port);
                try {
                    jar.contract = OpenApiContract.servedBy(base);
                    jar.http = TestHttpClient.checked(base, ANSWER_TIMEOUT, jar.contract);
                } catch (Exception | AssertionError e) {
                    jar.close();
                    throw e;
                }
                return jar;
            }
            jar.close();
            if (attempt == 3 || !jar.log().contains("Address already in use")) {
                throw new IllegalStateException("server did not start:\n" + jar.log());
            }
        }
    }

    private static RunningJar start(Path workDir, Map<String, String> environment) throws IOException {
        int port = freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        Path log = Files.createTempFile(workDir, "server", ".log");
        Process process = builder(workDir, env, List.of()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new RunningJar(process, log, port);
    }

    /** Waits until {@code check} answers 200; false if the process exits or time runs out first. */
    private boolean answers(String check) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (get(check, null).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet, or something else listens there; the process's fate decides.
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Runs one CLI command to completion. */
    public static Result command(Path workDir, Map<String, String> environment, String stdin, String... args) throws Exception {
        Path out = Files.createTempFile(workDir, "cli", ".out");
        Path err = Files.createTempFile(workDir, "cli", ".err");
        Process process = builder(workDir, environment, List.of(args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("command did not finish: " + String.join(" ", args));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** POSTs a form, as the tutorial's curl does. */
    public HttpResponse<String> form(String path, String body) throws IOException, InterruptedException {
        try {
            return http.form(path, body);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public HttpResponse<String> json(String path, String body) throws IOException, InterruptedException {
        try {
            return http.json(path, body);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** GETs {@code path}, with the given Authorization header unless it is null. */
    public HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        try {
            return http.get(path, authorization);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes {@code request} byte for byte (ISO-8859-1) on a new connection, with {@code {port}} replaced by the
     * server's port, and returns everything the server sends until it closes: send {@code Connection: close}.
     */
    public String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            socket.getOutputStream().write(request.replace("{port}", Integer.toString(port))
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The string fields of a one-level JSON answer, such as a token pair. */
    public static Map<String, String> fields(String json) {
        return JsonFields.of(json);
    }

    /**
     * The OpenAPI document this server serves, as a contract: for a test that sends requests of its own (another
     * client, HTTP/1.1 only, say) to check their answers as this class's own requests are checked.
     */
    public OpenApiContract contract() {
        return contract;
    }

    /** {@code path} on this server, e.g. {@code /.well-known/jwks.json}. */
    public URI uri(String path) {
        return http.uri(path);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * SIGKILL, as the kernel's OOM killer or a power cut to the JVM alone does it: no shutdown hook runs, nothing is
     * flushed. The launcher {@code exec}s java, so the process is the JVM itself. Returns once it is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    /** SIGTERM, as an orchestrator's rolling restart sends it; does not wait. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static ProcessBuilder builder(Path workDir, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        // The JVM that runs the tests runs the service too, whatever java is first on the PATH.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
