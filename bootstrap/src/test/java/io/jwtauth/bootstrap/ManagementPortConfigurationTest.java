package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management port set against the rest of the configuration (docs/observability.md): the API port as management
 * port is refused with one line and exit status 1; a management port with metrics switched off is ignored with a
 * warning, and the service serves.
 */
class ManagementPortConfigurationTest {

    @Test
    void theApiPortAsManagementPortIsRefusedWithOneLineAndStatus1(@TempDir Path dir) throws Exception {
        int port = MetricsTest.freePort();
        Path err = dir.resolve("err.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port, "-Dendpoints.prometheus.port=" + port,
                "-Dauth.data-dir=" + dir.resolve("data"),
                "-Ddatasources.default.url=jdbc:h2:file:" + dir.resolve("data/auth"),
                Application.class.getName())
                .directory(dir.toFile()).redirectErrorStream(false)
                .redirectOutput(dir.resolve("out.log").toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(server.waitFor(3, TimeUnit.MINUTES)).as("the server exits by itself").isTrue();
        } finally {
            server.destroyForcibly();
        }

        // Both streams: the test class path's logback-test.xml may log to standard output.
        String log = Files.readString(err, StandardCharsets.UTF_8)
                + Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assertThat(server.exitValue()).as(log).isEqualTo(1);
        List<String> errors = log.lines().filter(line -> line.contains("ERROR")).toList();
        assertThat(errors).as(log).singleElement().asString().contains("Refusing to start: endpoints.prometheus.port ("
                + port + ") is the API port micronaut.server.port");
        assertThat(log).as("no stack trace").doesNotContain("\tat ", "Exception");
    }

    @Test
    void aManagementPortWithMetricsSwitchedOffIsIgnoredAndTheServiceServes() throws Exception {
        int management = MetricsTest.freePort();
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(Map.of(
                "micronaut.metrics.enabled", "false", "endpoints.prometheus.port", management)).start()) {
            int api = context.getBean(EmbeddedServer.class).start().getPort();

            // Readiness waits for the migrations, which run beside the start-up: on a busy machine they finish after it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int readiness = new MetricsTest().get(api, "/health/readiness", null).statusCode();
            while (readiness != 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                readiness = new MetricsTest().get(api, "/health/readiness", null).statusCode();
            }
            assertThat(readiness).isEqualTo(200);
            assertThat(listening(management)).as("a management port was opened").isFalse();
        }
    }

    private static boolean listening(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
