package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.PostgresServer;
import io.jwtauth.testsupport.RunningJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when the process dies: {@value #CLIENTS} clients rotate their refresh tokens in a loop
 * (rotation and blacklisting after rotation on, everything else the product's default), the server gets SIGKILL
 * after {@value #ROTATE_MILLIS} ms of it and is started again on the same data, and then every client's last token
 * must still refresh (none lost) and the token it exchanged before must be refused (none doubled). The restarted
 * server is asked once it reports ready, as a load balancer would send it traffic. Each database gets
 * {@value #RUNS} such crashes in a row on one data set. A request that was in flight at the kill may or may not have
 * been committed; either way the client's retry with its last token must work, which is what the reuse grace period
 * is for.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 16;
    private static final int RUNS = 3;
    private static final long ROTATE_MILLIS = 3_000;
    private static final Map<String, String> ROTATION = Map.of(
            "AUTH_ROTATE_REFRESH_TOKENS", "true",
            "AUTH_BLACKLIST_AFTER_ROTATION", "true");

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void onTheEmbeddedDefaultNothingCommittedIsLostOrDoubled() throws Exception {
        crashAndCheck(ROTATION);
    }

    @Test
    void onPostgresqlNothingCommittedIsLostOrDoubled() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            Map<String, String> env = new HashMap<>(ROTATION);
            env.put("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl("postgres"));
            env.put("DATASOURCES_DEFAULT_USERNAME", PostgresServer.SUPERUSER);
            env.put("DATASOURCES_DEFAULT_PASSWORD", "");
            env.put("AUTH_SIGNING_KEY", "a-signing-key-shared-by-every-start-0123456789");
            crashAndCheck(env);
        }
    }

    private void crashAndCheck(Map<String, String> env) throws Exception {
        RunningJar.Result created = RunningJar.command(workDir, env, "mypassword\n",
                "users", "create", "crasher", "--password-stdin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        List<String> report = new ArrayList<>();
        int lost = 0;
        int doubled = 0;
        RunningJar server = RunningJar.serve(workDir, env);
        try {
            for (int run = 1; run <= RUNS; run++) {
                long started = System.nanoTime();
                List<Chain> chains = rotateUntilKilled(server);
                String crashedLog = server.log();
                server = RunningJar.serve(workDir, env);
                int rotations = 0;
                int runLost = 0;
                int runDoubled = 0;
                for (Chain chain : chains) {
                    assertThat(chain.failure).as("an answer before the kill, run %d:\n%s", run, crashedLog).isNull();
                    assertThat(chain.rotations).as("every client rotated before the kill, run %d", run).isPositive();
                    rotations += chain.rotations;
                    HttpResponse<String> last = refresh(server.port, chain.current);
                    if (last.statusCode() != 200) {
                        runLost++;
                        report.add("run " + run + ": last token refused: " + last.body());
                    }
                    HttpResponse<String> exchanged = refresh(server.port, chain.previous);
                    if (exchanged.statusCode() != 401) {
                        runDoubled++;
                        report.add("run " + run + ": exchanged token answered " + exchanged.statusCode() + " "
                                + exchanged.body());
                    }
                }
                report.add("run " + run + ": " + rotations + " rotations, " + runLost + " lost, " + runDoubled
                        + " doubled, " + (System.nanoTime() - started) / 1_000_000 + " ms");
                lost += runLost;
                doubled += runDoubled;
            }
        } finally {
            server.close();
        }
        System.out.println(getClass().getSimpleName() + " " + env.getOrDefault("DATASOURCES_DEFAULT_URL", "embedded H2")
                + ":\n" + String.join("\n", report));
        assertThat(lost + doubled).as(String.join("\n", report)).isZero();
    }

    /** Logs each client in, lets them all rotate, kills the server under them, and returns where each chain stood. */
    private List<Chain> rotateUntilKilled(RunningJar server) throws Exception {
        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            HttpResponse<String> login = server.form("/api/token/", "username=crasher&password=mypassword");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            chains.add(new Chain(RunningJar.fields(login.body()).get("refresh")));
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch started = new CountDownLatch(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (Chain chain : chains) {
                running.add(clients.submit(() -> {
                    started.countDown();
                    chain.rotateUntilTheServerIsGone(server);
                    return null;
                }));
            }
            started.await();
            Thread.sleep(ROTATE_MILLIS);
            server.kill();
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return chains;
    }

    private HttpResponse<String> refresh(int port, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/token/refresh/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("refresh=" + token))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One client's session: the token it holds, the one it exchanged for it, and how far it got. */
    private final class Chain {
        String current;
        String previous;
        int rotations;
        String failure;

        Chain(String first) {
            current = first;
        }

        /**
         * Refreshes with the token it holds and keeps the successor, until a request fails for want of a server. A
         * refusal while the server runs is recorded as a failure: it would be a bug, not the crash.
         */
        void rotateUntilTheServerIsGone(RunningJar server) throws InterruptedException {
            while (true) {
                HttpResponse<String> answer;
                try {
                    answer = refresh(server.port, current);
                } catch (IOException gone) {
                    return;
                }
                server.contract().verify(answer);
                String successor = RunningJar.fields(answer.body()).get("refresh");
                if (answer.statusCode() != 200 || successor == null) {
                    failure = answer.statusCode() + " " + answer.body();
                    return;
                }
                previous = current;
                current = successor;
                rotations++;
            }
        }
    }
}
