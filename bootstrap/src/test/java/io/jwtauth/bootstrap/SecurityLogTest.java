package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.jwtauth.bootstrap.ServiceNode.Answer;
import io.jwtauth.bootstrap.ServiceNode.Pair;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UserStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The log of a session's whole life (logins good and bad, refreshes with rotation, a reuse, logout, logout
 * everywhere) written as LOG_FORMAT=json writes it, with logback's JsonEncoder configured as logback.xml configures it,
 * at INFO for everything and DEBUG for jwt-auth's own loggers: every line is a JSON object, the security events are
 * there with their fields as key/value pairs, and no line holds a token, a part of one, a password, a hash or the
 * signing key.
 */
class SecurityLogTest {

    private static final String USER = "log-user";
    private static final String PASSWORD = "log-password-0123";
    private static final String NEW_PASSWORD = "log-new-password-4567";
    private static final String SIGNING_KEY = "test-signing-key-that-is-long-enough-for-hs256-0123456789";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> json;
    private Level rootLevel;
    private Level ownLevel;
    private ServiceNode node;

    @BeforeEach
    void captureJsonLogs() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(logging);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        json = new OutputStreamAppender<>();
        json.setContext(logging);
        json.setEncoder(encoder);
        json.setOutputStream(written);
        json.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger own = logging.getLogger("io.jwtauth");
        rootLevel = root.getLevel();
        ownLevel = own.getLevel();
        root.setLevel(Level.INFO);
        own.setLevel(Level.DEBUG);
        root.addAppender(json);
    }

    @AfterEach
    void restore() {
        if (node != null) {
            node.close();
        }
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(json);
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
        logging.getLogger("io.jwtauth").setLevel(ownLevel);
        json.stop();
    }

    @Test
    void aSessionsLogIsJsonWithTheSecurityEventsAsFieldsAndNoSecret() {
        node = ServiceNode.start("logged", ServiceNode.rotating(Map.of()));
        node.createUser(USER, PASSWORD);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, SIGNING_KEY));

        assertThat(node.login(USER, "wrong-password-89").status()).isEqualTo(401);
        Pair stolen = node.pair(USER, PASSWORD);
        Answer exchanged = node.refresh(stolen.refresh());
        Answer victims = node.refresh(exchanged.field("refresh").orElseThrow());
        assertThat(node.refresh(stolen.refresh()).status()).isEqualTo(401);
        Pair again = node.pair(USER, PASSWORD);
        assertThat(node.blacklist(again.refresh()).status()).isEqualTo(200);
        Pair third = node.pair(USER, PASSWORD);
        assertThat(node.revokeAll(third.access()).status()).isEqualTo(200);
        for (Pair pair : List.of(stolen, again, third)) {
            secrets.add(pair.access());
            secrets.add(pair.refresh());
        }
        for (Answer answer : List.of(exchanged, victims)) {
            secrets.add(answer.field("access").orElseThrow());
            secrets.add(answer.field("refresh").orElseThrow());
        }
        secrets.add(node.bean(UserStore.class).findByUsername(new Username(USER)).orElseThrow().passwordHash().encoded());
        List<String> tokenParts = new ArrayList<>();
        for (String secret : List.copyOf(secrets)) {
            if (secret.startsWith("eyJ")) {
                String[] parts = secret.split("\\.");
                tokenParts.add(parts[1]);
                tokenParts.add(parts[2]);
            }
        }
        secrets.addAll(tokenParts);

        String log = written.toString(StandardCharsets.UTF_8);
        List<String> lines = log.lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        String events = String.join("\n", lines).replace(" ", "");
        assertThat(events).contains(
                "{\"event\":\"login_failed\"}",
                "{\"event\":\"login_succeeded\"}",
                "{\"event\":\"refreshed\"}",
                "{\"event\":\"refresh_token_reuse\"}",
                "{\"event\":\"refresh_token_blacklisted\"}",
                "{\"event\":\"revoke_all\"}",
                "{\"family_id\":\"");
        for (String secret : secrets) {
            assertThat(lines).as("a log line with a secret").noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void passwordGuessingWithAnAccessTokenIsLoggedWithTheUsersIdAndNoGuess() {
        // A throttle wait far longer than the test, so that a slow machine cannot reopen it before the last guess.
        node = ServiceNode.start("guessed", Map.of("auth.login-throttle.first-delay", "1h",
                "auth.login-throttle.max-delay", "1h"));
        node.createUser("log-guesser", PASSWORD);
        Pair pair = node.pair("log-guesser", PASSWORD);
        String id = node.bean(UserStore.class).findByUsername(new Username("log-guesser")).orElseThrow().id().asClaim();

        for (int guess = 0; guess < 10; guess++) {
            assertThat(node.changePassword(pair.access(), "guess-" + guess + "-xyz", NEW_PASSWORD).status()).isEqualTo(400);
        }
        assertThat(node.changePassword(pair.access(), "guess-last-xyz", NEW_PASSWORD).status()).isEqualTo(429);

        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().map(line -> line.replace(" ", "")).toList();
        assertThat(lines).filteredOn(line -> line.contains("{\"event\":\"password_change_failed\"}"))
                .hasSize(10)
                .allMatch(line -> line.contains("{\"user_id\":\"" + id + "\"}") && line.contains("\"level\":\"INFO\""));
        assertThat(lines).filteredOn(line -> line.contains("{\"event\":\"password_change_throttled\"}"))
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("\"level\":\"WARN\"", "{\"user_id\":\"" + id + "\"}", "{\"retry_after_seconds\":\""));
        assertThat(lines).noneMatch(line -> line.contains("guess-") || line.contains(NEW_PASSWORD));
    }
}
