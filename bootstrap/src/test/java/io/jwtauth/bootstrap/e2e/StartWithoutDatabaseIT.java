package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.PostgresServer;
import io.jwtauth.testsupport.RunningJar;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node started while its database is down, as after a power cut when the service comes back before PostgreSQL: it
 * stays up, reports not ready on {@code /health/readiness} while staying live, answers 503 to what needs the database
 * (logging the outage once, not once per request), and serves as soon as the database is back, without a restart.
 */
class StartWithoutDatabaseIT {

    private static final String SERVICE_UNAVAILABLE =
            "{\"detail\":\"The service is temporarily unavailable; try again shortly.\",\"code\":\"service_unavailable\"}";

    @TempDir
    Path workDir;

    @Test
    void aNodeStartedWithoutItsDatabaseWaitsNotReadyAndServesOnceItIsBack() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            Map<String, String> env = Map.of(
                    "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl("postgres"),
                    "DATASOURCES_DEFAULT_USERNAME", PostgresServer.SUPERUSER,
                    "DATASOURCES_DEFAULT_PASSWORD", "",
                    "AUTH_SIGNING_KEY", "a-signing-key-shared-by-every-node-0123456789");
            postgres.stop();
            try (RunningJar server = RunningJar.serveLive(workDir, env)) {
                assertThat(server.get("/health/liveness", null).statusCode()).isEqualTo(200);
                HttpResponse<String> readiness = server.get("/health/readiness", null);
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
                for (int i = 0; i < 3; i++) {
                    assertThat(server.get("/health/readiness", null).statusCode()).isEqualTo(503);
                }
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> login = server.form("/api/token/", "username=myuser&password=mypassword");
                    assertThat(login.statusCode()).isEqualTo(503);
                    assertThat(login.body()).isEqualTo(SERVICE_UNAVAILABLE);
                }
                assertThat(server.waitForExit(Duration.ofSeconds(3))).as("still running").isFalse();

                postgres.restart();
                awaitReady(server);
                RunningJar.Result created = RunningJar.command(workDir, env, "mypassword\n",
                        "users", "create", "myuser", "--password-stdin");
                assertThat(created.exitCode()).as(created.err()).isZero();
                assertThat(server.form("/api/token/", "username=myuser&password=mypassword").statusCode())
                        .isEqualTo(200);
                assertThat(server.log().lines().filter(line -> line.contains("Answering 503"))).isEmpty();
                // One line as the outage is first met and one as it ends, however many probes and requests in between.
                assertThat(server.log().lines().filter(line -> line.contains("The database cannot be reached"))).hasSize(1);
                assertThat(server.log().lines().filter(line -> line.contains("The database can be reached again"))).hasSize(1);
                assertThat(server.log()).doesNotContain("Health indicator").doesNotContain("SQLTransientConnectionException");
            }
        }
    }

    private static void awaitReady(RunningJar server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (server.get("/health/readiness", null).statusCode() != 200) {
            assertThat(Instant.now()).as("ready within a minute of the database's return:\n%s", server.log())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
