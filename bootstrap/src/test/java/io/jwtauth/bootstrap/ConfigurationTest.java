package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.TokenSettings;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
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
        }
    }

    @Test
    void everySettingCanBeOverridden() {
        Map<String, Object> properties = Map.of(
                "auth.access-token-lifetime", "90s",
                "auth.refresh-token-lifetime", "7d",
                "auth.rotate-refresh-tokens", "true",
                "auth.blacklist-after-rotation", "true",
                "auth.leeway", "15s",
                "auth.login-throttle.account-threshold", "5",
                "auth.login-throttle.address-threshold", "50",
                "auth.login-throttle.first-delay", "10s",
                "auth.login-throttle.max-delay", "1h",
                "auth.login-throttle.forget-after", "2d");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            TokenSettings settings = context.getBean(TokenSettings.class);
            assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(90));
            assertThat(settings.refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.rotateRefreshTokens()).isTrue();
            assertThat(settings.blacklistAfterRotation()).isTrue();
            assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(15));
            assertThat(context.getBean(LoginThrottlePolicy.class)).isEqualTo(
                    new LoginThrottlePolicy(5, 50, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(2)));
        }
    }
}
