package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jwtauth.domain.TokenSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

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
}
