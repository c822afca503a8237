package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import com.zaxxer.hikari.HikariDataSource;
import io.jwtauth.adapter.crypto.GeneratedKeyPair;
import io.jwtauth.application.PublishVerificationKeys;
import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.JwkSet;
import io.jwtauth.domain.TokenSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings table of the README, read the way the service reads it. */
class ConfigurationTest {

    @Test
    void defaultsAreSimplejwtsAndTheTutorials() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {
            TokenSettings settings = context.getBean(TokenSettings.class);
            assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(settings.refreshTokenLifetime()).isEqualTo(Duration.ofDays(1));
            assertThat(settings.rotateRefreshTokens()).isFalse();
            assertThat(settings.blacklistAfterRotation()).isFalse();
            assertThat(settings.leeway()).isZero();
            assertThat(context.getProperty("micronaut.server.port", Integer.class)).isPresent();
            assertThat(context.getBean(PublishVerificationKeys.class).handle()).as("HS256 publishes no key").isEmpty();
            assertThat(context.getBean(LoginThrottlePolicy.class)).isEqualTo(
                    new LoginThrottlePolicy(10, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofDays(1)));
            PasswordHashingProperties hashing = context.getBean(PasswordHashingProperties.class);
            assertThat(List.of(hashing.memoryKib(), hashing.iterations(), hashing.parallelism(), hashing.queue()))
                    .containsExactly(19_456, 2, 1, 64);
            assertThat(hashing.threadCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void thePoolAndTheBlockingExecutorAreBoundedAsTheReadmeSays() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {
            HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
            assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
            assertThat(pool.getValidationTimeout()).isEqualTo(1_000);
            assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "10");

            ExecutorConfiguration blocking = context.getBean(ExecutorConfiguration.class,
                    Qualifiers.byName(TaskExecutors.BLOCKING));
            assertThat(blocking.getType()).isEqualTo(ExecutorType.FIXED);
            assertThat(blocking.getNumberOfThreads()).isEqualTo(16);
        }
    }

    @Test
    void everySettingCanBeOverridden() {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("auth.access-token-lifetime", "90s"),
                Map.entry("auth.refresh-token-lifetime", "7d"),
                Map.entry("auth.rotate-refresh-tokens", "true"),
                Map.entry("auth.blacklist-after-rotation", "true"),
                Map.entry("auth.leeway", "15s"),
                Map.entry("auth.login-throttle.account-threshold", "5"),
                Map.entry("auth.login-throttle.address-threshold", "50"),
                Map.entry("auth.login-throttle.first-delay", "10s"),
                Map.entry("auth.login-throttle.max-delay", "1h"),
                Map.entry("auth.login-throttle.forget-after", "2d"),
                Map.entry("auth.password-hashing.threads", "3"),
                Map.entry("auth.password-hashing.queue", "7"));
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            TokenSettings settings = context.getBean(TokenSettings.class);
            assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(90));
            assertThat(settings.refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.rotateRefreshTokens()).isTrue();
            assertThat(settings.blacklistAfterRotation()).isTrue();
            assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(15));
            assertThat(context.getBean(LoginThrottlePolicy.class)).isEqualTo(
                    new LoginThrottlePolicy(5, 50, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(2)));
            PasswordHashingProperties hashing = context.getBean(PasswordHashingProperties.class);
            assertThat(hashing.threadCount()).isEqualTo(3);
            assertThat(hashing.queue()).isEqualTo(7);
        }
    }

    @Test
    void keyPairSettingsAreReadFromTextAndFiles(@TempDir Path folder) throws Exception {
        Path signingKey = folder.resolve("signing.pem");
        GeneratedKeyPair.generate("ES256", Optional.empty()).writePrivateKey(signingKey);
        GeneratedKeyPair retired = GeneratedKeyPair.generate("ES256", Optional.of("retired-1"));
        Map<String, Object> properties = Map.of(
                "auth.algorithm", "ES256",
                "auth.signing-key", signingKey.toString(),
                "auth.key-id", "2026-main",
                "auth.verification-keys", retired.publicJwk());
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            JwkSet published = context.getBean(PublishVerificationKeys.class).handle().orElseThrow();
            assertThat(published.keys()).extracting(key -> key.get("kid")).containsExactly("2026-main", "retired-1");
        }
    }

    @Test
    void keyPairSettingsWithASharedSecretStopStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("auth.key-id", "main"), "test"))
                .hasStackTraceContaining("auth.key-id and auth.verification-keys apply to key pairs");
    }

    @Test
    void impossibleLoginSettingsStopStartUpWithTheReason() {
        assertStartUpFails("auth.password-hashing.memory-kib", "1",
                "Argon2 needs at least 1 lane, 1 iteration and 8 KiB of memory per lane");
        assertStartUpFails("auth.password-hashing.queue", "0",
                "password hashing needs at least 1 thread and a queue of at least 1");
        assertStartUpFails("auth.login-throttle.account-threshold", "0", "login throttle thresholds must be at least 1");
    }

    private static void assertStartUpFails(String property, String value, String reason) {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(property, value), "test").close())
                .as(property).hasRootCauseMessage(reason);
    }
}
