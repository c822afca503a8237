package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.RunningJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart as an orchestrator does it: SIGTERM while requests are under way. Logins are the slow requests
 * (each waits its turn for a password-hashing thread), so a burst of them is still being answered when the signal
 * comes; every one that was sent before it must be answered, none reset, and the process must then exit.
 */
class GracefulShutdownIT {

    private static final int LOGINS = 32;

    @TempDir
    Path workDir;

    @Test
    void sigtermAnswersEveryRequestUnderWayBeforeTheProcessExits() throws Exception {
        // One hashing thread, so the burst takes a while (each Argon2id hash takes tens of milliseconds).
        Map<String, String> env = Map.of("AUTH_PASSWORD_HASHING_THREADS", "1");
        RunningJar.Result created = RunningJar.command(workDir, env, "mypassword\n",
                "users", "create", "myuser", "--password-stdin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        try (RunningJar server = RunningJar.serve(workDir, env)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/api/token/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=myuser&password=mypassword"))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> first = http.send(login, HttpResponse.BodyHandlers.ofString());
            server.contract().verify(first);
            assertThat(first.statusCode()).isEqualTo(200);

            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                answers.add(http.sendAsync(login, HttpResponse.BodyHandlers.ofString()));
            }
            // Until the server has them all: the first answers are back while the rest wait for the hashing thread.
            CompletableFuture.anyOf(answers.toArray(CompletableFuture[]::new)).join();
            long answeredBeforeTheSignal = answers.stream().filter(CompletableFuture::isDone).count();
            server.terminate();

            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                try {
                    server.contract().verify(answer.join());
                    outcomes.add(Integer.toString(answer.join().statusCode()));
                } catch (CompletionException e) {
                    outcomes.add(e.getCause().toString());
                }
            }
            assertThat(answeredBeforeTheSignal).as("requests still under way at SIGTERM").isLessThan(LOGINS / 2);
            assertThat(outcomes).as(server.log()).containsOnly("200");
            assertThat(server.waitForExit(Duration.ofSeconds(30))).as("the process exits").isTrue();
            assertThat(server.log()).doesNotContain("Timeout hit in graceful shutdown");
        }
    }
}
