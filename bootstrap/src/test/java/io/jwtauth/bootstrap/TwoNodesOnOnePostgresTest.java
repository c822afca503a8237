package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.bootstrap.ServiceNode.Answer;
import io.jwtauth.bootstrap.ServiceNode.Pair;
import io.jwtauth.testsupport.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two jwt-auth nodes on one PostgreSQL, as behind a load balancer that sends each request anywhere: what one node
 * decides about a token, the other honours on the next request, because the database is the only state they share.
 * Both run with rotation and blacklisting after rotation, the setting in which a token's state changes most.
 */
class TwoNodesOnOnePostgresTest {

    private static final String PASSWORD = "mypassword";
    private static final String BLACKLISTED = "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}";
    private static final int RACERS = 16;

    private static PostgresServer postgres;
    private static ServiceNode a;
    private static ServiceNode b;

    @BeforeAll
    static void startTwoNodesAtOnce() {
        postgres = PostgresServer.start();
        // Started together, as after a deployment, so both run Flyway on the empty database at the same time.
        CompletableFuture<ServiceNode> first = CompletableFuture.supplyAsync(
                () -> ServiceNode.start("A", ServiceNode.rotating(postgres.superuserDatasource())));
        CompletableFuture<ServiceNode> second = CompletableFuture.supplyAsync(
                () -> ServiceNode.start("B", ServiceNode.rotating(postgres.superuserDatasource())));
        a = first.join();
        b = second.join();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable resource : new AutoCloseable[] {a, b, postgres}) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    @Test
    void bothNodesStartingTogetherMigrateTheSchemaOnce() {
        assertThat(postgres.queryForString("postgres",
                "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")).isEqualTo("1");
    }

    @Test
    void aPairObtainedOnOneNodeIsRefreshedAndUsedOnTheOther() {
        String user = newUser();
        Pair fromA = a.pair(user, PASSWORD);

        Answer refreshedOnB = b.refresh(fromA.refresh());

        assertThat(refreshedOnB.status()).as(refreshedOnB.body()).isEqualTo(200);
        assertThat(a.profile(refreshedOnB.field("access").orElseThrow()).body())
                .isEqualTo("{\"message\":\"Hello, " + user + "\"}");
        assertThat(a.refresh(refreshedOnB.field("refresh").orElseThrow()).status()).isEqualTo(200);
        Answer replayedOnA = a.refresh(fromA.refresh());
        assertThat(replayedOnA.status()).isEqualTo(401);
        assertThat(replayedOnA.body()).isEqualTo(BLACKLISTED);
    }

    @Test
    void aTokenBlacklistedOnOneNodeIsRefusedOnTheOther() {
        Pair pair = a.pair(newUser(), PASSWORD);

        assertThat(a.blacklist(pair.refresh()).status()).isEqualTo(200);

        Answer refreshOnB = b.refresh(pair.refresh());
        assertThat(refreshOnB.status()).isEqualTo(401);
        assertThat(refreshOnB.body()).isEqualTo(BLACKLISTED);
        assertThat(b.verify(pair.refresh()).body()).isEqualTo(BLACKLISTED);
        assertThat(b.blacklist(pair.refresh()).body()).isEqualTo(BLACKLISTED);
    }

    /**
     * Exactly one exchange wins the conditional UPDATE. With the default grace period for lost answers, a racer that
     * arrives once the winner has committed is taken for a retry and gets the winner's successor again, so several
     * may get 200, but all with one successor (one {@code jti}): the family never has two live tokens.
     */
    @Test
    void ofManyParallelRefreshesOfOneTokenSpreadOverBothNodesExactlyOneSuccessorIsIssued() {
        Pair pair = a.pair(newUser(), PASSWORD);

        List<CompletableFuture<Answer>> racing = new ArrayList<>();
        for (int racer = 0; racer < RACERS; racer++) {
            racing.add((racer % 2 == 0 ? a : b).refreshAsync(pair.refresh()));
        }
        List<Answer> answers = racing.stream().map(CompletableFuture::join).toList();

        List<Answer> winners = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(winners).isNotEmpty();
        assertThat(winners.stream().map(winner -> jti(winner.field("refresh").orElseThrow())).distinct())
                .as("one successor").hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(loser -> assertThat(loser.body()).isEqualTo(BLACKLISTED));
    }

    private static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher jti = Pattern.compile("\"jti\":\"([^\"]+)\"").matcher(payload);
        assertThat(jti.find()).as(payload).isTrue();
        return jti.group(1);
    }

    @Test
    void logoutEverywhereOnOneNodeIsHonouredOnTheOther() {
        String user = newUser();
        Pair onA = a.pair(user, PASSWORD);
        Pair onB = b.pair(user, PASSWORD);

        assertThat(a.revokeAll(onA.access()).status()).isEqualTo(200);

        assertThat(b.refresh(onA.refresh()).body()).isEqualTo(BLACKLISTED);
        assertThat(b.refresh(onB.refresh()).body()).isEqualTo(BLACKLISTED);
        assertThat(b.verify(onB.refresh()).body()).isEqualTo(BLACKLISTED);
    }

    /**
     * B answers protected requests from its user cache, so it may honour A's deactivation up to auth.user-cache-ttl
     * (5 s here, as by default) late; refresh tokens die on B at once, since they are checked in the database.
     */
    @Test
    void aUserDeactivatedOnOneNodeIsRefusedOnTheOtherWithinTheDocumentedBound() throws Exception {
        String user = newUser();
        Pair pair = b.pair(user, PASSWORD);
        assertThat(b.profile(pair.access()).status()).isEqualTo(200);

        a.deactivate(user);

        // Refused at once; the wording follows B's cached view of the user: revoked while B still sees the user
        // active, simplejwt's "no active account" once B has read the deactivation.
        assertThat(b.refresh(pair.refresh()).body())
                .isIn(BLACKLISTED, "{\"detail\":\"No active account found for the given token.\"}");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5)).plus(Duration.ofSeconds(10));
        Answer onB = b.profile(pair.access());
        while (onB.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            onB = b.profile(pair.access());
        }
        assertThat(onB.status()).isEqualTo(401);
        assertThat(onB.body()).contains("\"code\":\"user_inactive\"");
    }

    /** A user of the test's own, created through node A. */
    private static String newUser() {
        String name = "user-" + UUID.randomUUID();
        a.createUser(name, PASSWORD);
        return name;
    }
}
