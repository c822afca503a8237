package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.TokenSettings;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            assertThat(context.getBean(LoginThrottlePolicy.class)).isEqualTo(
                    new LoginThrottlePolicy(10, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofDays(1)));
            PasswordHashingProperties hashing = context.getBean(PasswordHashingProperties.class);
            assertThat(List.of(hashing.memoryKib(), hashing.iterations(), hashing.parallelism(), hashing.queue()))
                    .containsExactly(19_456, 2, 1, 64);
            assertThat(hashing.threadCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
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
