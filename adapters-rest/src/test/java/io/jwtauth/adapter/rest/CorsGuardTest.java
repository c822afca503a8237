package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CORS configuration that names no origin would let every page read login answers: the service does not start. */
class CorsGuardTest {

    @Test
    void aConfigurationWithoutOriginsOrWithEveryOriginStopsStartUp() {
        for (Map<String, Object> cors : new Map[] {
                Map.of("micronaut.server.cors.configurations.web.allowed-methods", "POST"),
                Map.of("micronaut.server.cors.configurations.web.allowed-origins", "*")}) {
            Map<String, Object> properties = new java.util.HashMap<>(cors);
            properties.put("micronaut.server.cors.enabled", true);
            assertThatThrownBy(() -> ApplicationContext.run(properties, "test").close()).as(cors.toString())
                    .hasStackTraceContaining("allows every origin");
        }
    }

    @Test
    void namedOriginsOrARegexStart() {
        for (Map<String, Object> cors : new Map[] {
                Map.of("micronaut.server.cors.configurations.web.allowed-origins", "https://app.example.com"),
                Map.of("micronaut.server.cors.configurations.web.allowed-origins-regex", "^https://app\\\\.example\\\\.com$")}) {
            Map<String, Object> properties = new java.util.HashMap<>(cors);
            properties.put("micronaut.server.cors.enabled", true);
            try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
                assertThat(context.getBean(CorsGuard.class)).isNotNull();
            }
        }
    }
}
