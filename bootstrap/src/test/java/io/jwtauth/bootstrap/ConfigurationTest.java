package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.jwtauth.adapter.crypto.GeneratedKeyPair;
import io.jwtauth.application.PublishVerificationKeys;
import io.jwtauth.domain.PublicKeySet;
import io.jwtauth.domain.TokenSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import java.nio.file.Path;
import java.time.Duration;
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
        Map<String, Object> properties = Map.of(
                "auth.access-token-lifetime", "90s",
                "auth.refresh-token-lifetime", "7d",
                "auth.rotate-refresh-tokens", "true",
                "auth.blacklist-after-rotation", "true",
                "auth.leeway", "15s");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            TokenSettings settings = context.getBean(TokenSettings.class);
            assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(90));
            assertThat(settings.refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.rotateRefreshTokens()).isTrue();
            assertThat(settings.blacklistAfterRotation()).isTrue();
            assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(15));
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
            PublicKeySet published = context.getBean(PublishVerificationKeys.class).handle().orElseThrow();
            assertThat(published.keys()).extracting(key -> key.get("kid")).containsExactly("2026-main", "retired-1");
        }
    }

    @Test
    void keyPairSettingsWithASharedSecretStopStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("auth.key-id", "main"), "test"))
                .hasStackTraceContaining("auth.key-id and auth.verification-keys apply to key pairs");
    }
}
