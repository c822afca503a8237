package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jwtauth.bootstrap.ServiceNode.Answer;
import io.jwtauth.bootstrap.ServiceNode.Pair;
import io.jwtauth.testsupport.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database goes away under a running node and comes back. Meanwhile every endpoint that needs it answers 503
 * {@code service_unavailable} as JSON rather than keeping the client waiting, the node's threads and connections stay
 * within their configured bounds, and once the database is back the node serves again, with the data it had, without
 * a restart. Both ways a database goes away are covered: stopped (connections refused) and frozen (connections open,
 * nothing answers, as when its host hangs or the network drops packets).
 */
class DatabaseOutageTest {

    private static final String USER = "myuser";
    private static final String PASSWORD = "mypassword";
    /** Requests sent at once when the database has just gone: several times what the blocking executor runs. */
    private static final int BURST = 64;
    /** application.yml's micronaut.executors.blocking.n-threads and datasources.default.maximum-pool-size. */
    private static final int BLOCKING_THREADS = 16;
    private static final int POOL_SIZE = 10;
    /** Generous: only a node that does not recover takes this long. */
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

    private PostgresServer postgres;
    private ServiceNode node;

    @BeforeEach
    void startANodeOnItsOwnDatabase() {
        postgres = PostgresServer.start();
        node = ServiceNode.start("node", ServiceNode.rotating(postgres.superuserDatasource()));
        node.createUser(USER, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
        postgres.close();
    }

    @Test
    void aStoppedDatabaseIsAnswered503AndTheNodeServesAgainOnceItIsBack() throws Exception {
        Pair pair = node.pair(USER, PASSWORD);
        ListAppender<ILoggingEvent> outageLog = capture(JDBC_STATEMENTS, ERROR_ROUTES);

        postgres.stop();

        BlockingThreads threads = BlockingThreads.watch();
        List<Answer> burst = burstOfLoginsRefreshesAndLogouts(pair);
        assertThat(threads.stop()).isBetween(1, BLOCKING_THREADS);
        assertThat(burst).allSatisfy(DatabaseOutageTest::isServiceUnavailable);
        isServiceUnavailable(node.login(USER, PASSWORD));
        isServiceUnavailable(node.refresh(pair.refresh()));
        isServiceUnavailable(node.blacklist(pair.refresh()));
        // Orchestrators take the node out of traffic, and do not restart it.
        Answer readiness = node.get("/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(node.get("/health/liveness").status()).isEqualTo(200);

        postgres.restart();

        eventually(() -> node.get("/health/readiness"), answer -> answer.status() == 200);
        Answer login = eventually(() -> node.login(USER, PASSWORD), answer -> answer.status() == 200);
        assertThat(login.field("refresh")).isPresent();
        Answer refreshed = node.refresh(pair.refresh());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(node.blacklist(refreshed.field("refresh").orElseThrow()).status()).isEqualTo(200);
        assertThat(postgres.clientConnections()).isLessThanOrEqualTo(POOL_SIZE);
        release(outageLog, JDBC_STATEMENTS, ERROR_ROUTES);
        assertThat(outageLog.list).as("one line when the outage begins and one when it ends, whatever the 503s")
                .extracting(event -> event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage())
                .satisfiesExactly(
                        begins -> assertThat(begins).startsWith("WARN " + JDBC_STATEMENTS
                                + " The database cannot be reached; answering 503 until it can"),
                        ends -> assertThat(ends).isEqualTo("INFO " + JDBC_STATEMENTS + " The database can be reached again"));
    }

    private static final String JDBC_STATEMENTS = "io.jwtauth.adapter.persistence.JdbcStatements";
    private static final String ERROR_ROUTES = "io.jwtauth.adapter.rest.ErrorRoutes";

    /** Records what the loggers write at INFO and above (logback-test.xml sets them quieter for the other tests). */
    private final Map<String, Level> configuredLevels = new HashMap<>();

    private ListAppender<ILoggingEvent> capture(String... loggers) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            configuredLevels.put(name, logger.getLevel());
            logger.setLevel(Level.INFO);
            logger.addAppender(appender);
        }
        return appender;
    }

    private void release(ListAppender<ILoggingEvent> appender, String... loggers) {
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(appender);
            logger.setLevel(configuredLevels.get(name));
        }
    }

    @Test
    void aDatabaseThatStopsAnsweringIsAnOutageRatherThanAHang() {
        Pair pair = node.pair(USER, PASSWORD);

        postgres.freeze();
        try {
            BlockingThreads threads = BlockingThreads.watch();
            List<Answer> burst = burstOfLoginsRefreshesAndLogouts(pair);
            assertThat(threads.stop()).isBetween(1, BLOCKING_THREADS);
            assertThat(burst).allSatisfy(DatabaseOutageTest::isServiceUnavailable);
            isServiceUnavailable(node.refresh(pair.refresh()));
        } finally {
            postgres.thaw();
        }

        Answer refreshed = eventually(() -> node.refresh(pair.refresh()), answer -> answer.status() == 200);
        assertThat(refreshed.field("refresh")).isPresent();
        assertThat(node.login(USER, PASSWORD).status()).isEqualTo(200);
        assertThat(postgres.clientConnections()).isLessThanOrEqualTo(POOL_SIZE);
    }

    /**
     * Protected requests are served on the event loop when the token's owner is in the user cache, so a hung database
     * that holds every blocking thread does not hold them up. The lookups here wait far longer than the cached owner's
     * requests take (20 s of timeouts), so that their order, not a clock, shows it.
     */
    @Test
    void whileTheDatabaseHangsUsersInTheCacheAreServedAtOnce() throws Exception {
        node.close();
        Map<String, Object> properties = ServiceNode.rotating(postgres.superuserDatasource());
        // The default (5 s) could let the cached user expire while the database freezes.
        properties.put("auth.user-cache-ttl", "1m");
        properties.put("datasources.default.connection-timeout", "20000");
        properties.put("datasources.default.validation-timeout", "10000");
        properties.put("datasources.default.data-source-properties.socketTimeout", "20");
        node = ServiceNode.start("node", properties);
        node.createUser("other", PASSWORD);
        Pair cached = node.pair(USER, PASSWORD);
        Pair notCached = node.pair("other", PASSWORD);
        assertThat(node.profile(cached.access()).status()).isEqualTo(200);

        List<CompletableFuture<Answer>> lookups = new ArrayList<>();
        postgres.freeze();
        try {
            for (int i = 0; i < BURST; i++) {
                lookups.add(node.profileAsync(notCached.access()));
            }
            // Gives the lookups the time to take every blocking thread; were they slower, the test would show less.
            sleep(Duration.ofMillis(200));
            for (int i = 0; i < 10; i++) {
                Answer answer = node.profile(cached.access());
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }
            assertThat(lookups).as("lookups answered before the cached owner's requests").noneMatch(CompletableFuture::isDone);
        } finally {
            postgres.thaw();
        }
        assertThat(lookups.stream().map(CompletableFuture::join).toList())
                .as("the lookups, once the database answers again").allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    }

    /** Logins, refreshes and logouts all at once, each waiting for its answer no longer than ANSWER_TIMEOUT. */
    private List<Answer> burstOfLoginsRefreshesAndLogouts(Pair pair) {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            answers.add(switch (i % 3) {
                case 0 -> node.postAsync("/api/token/", "username=" + USER + "&password=" + PASSWORD);
                case 1 -> node.postAsync("/api/token/refresh/", "refresh=" + pair.refresh());
                default -> node.postAsync("/api/token/blacklist/", "refresh=" + pair.refresh());
            });
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private static void isServiceUnavailable(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.field("code")).contains("service_unavailable");
        assertThat(answer.field("detail")).isPresent();
    }

    private static Answer eventually(Supplier<Answer> request, Predicate<Answer> done) {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        Answer last = request.get();
        while (!done.test(last) && System.nanoTime() - deadline < 0) {
            sleep(Duration.ofMillis(200));
            last = request.get();
        }
        assertThat(done).as("last answer %s", last).accepts(last);
        return last;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts, in the background, the live threads of Micronaut's blocking executor, which every request that touches
     * the database runs on, and remembers the most it saw. Only this test's node runs in the JVM meanwhile.
     */
    private static final class BlockingThreads {

        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final AtomicInteger most = new AtomicInteger();
        private final Thread watcher;

        private BlockingThreads() {
            watcher = new Thread(() -> {
                while (watching.get()) {
                    most.accumulateAndGet(count(), Math::max);
                    sleep(Duration.ofMillis(10));
                }
            }, "blocking-thread-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        static BlockingThreads watch() {
            return new BlockingThreads();
        }

        int stop() {
            watching.set(false);
            try {
                watcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return most.accumulateAndGet(count(), Math::max);
        }

        private static int count() {
            return (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("blocking-executor-thread")).count();
        }
    }
}
