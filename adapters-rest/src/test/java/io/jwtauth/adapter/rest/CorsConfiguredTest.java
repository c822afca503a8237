package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-origin access as docs/http.md configures it for one web application: its origin may call the token
 * endpoints from a browser; other origins get no CORS headers (the browser keeps the answer from the page); a method
 * the configuration does not allow gets Micronaut's 403, in DRF's JSON and logged.
 */
@MicronautTest
@Property(name = "micronaut.server.cors.enabled", value = "true")
@Property(name = "micronaut.server.cors.configurations.web.allowed-origins", value = "https://app.example.com")
@Property(name = "micronaut.server.cors.configurations.web.allowed-methods", value = "POST")
@Property(name = "micronaut.server.cors.configurations.web.allowed-headers", value = "Content-Type,Authorization")
class CorsConfiguredTest extends EndpointTest {

    private static final String LOGIN = "username=myuser&password=mypassword";

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(server.getURI(), json);
    }

    @Test
    void theConfiguredOriginMayReadTheAnswer() {
        RawHttp.Answer preflight = raw.send("OPTIONS /api/token/ HTTP/1.1\r\nHost: auth.example.com\r\n"
                + "Origin: https://app.example.com\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type\r\n\r\n");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");

        RawHttp.Answer login = raw.send(FrameworkStatusesTest.post("Origin: https://app.example.com\r\n", LOGIN));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        RawHttp.Answer login = raw.send(FrameworkStatusesTest.post("Origin: https://evil.example\r\n", LOGIN));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Access-Control-Allow-Origin")).isNull();

        RawHttp.Answer preflight = raw.send("OPTIONS /api/token/ HTTP/1.1\r\nHost: auth.example.com\r\n"
                + "Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n\r\n");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.status()).isBetween(400, 499);
        assertThat(preflight.json()).containsKey("detail");
    }

    @Test
    void aMethodTheConfigurationForbidsIsRefusedInJsonAndLogged() {
        try (RefusalLog log = new RefusalLog()) {
            RawHttp.Answer answer = raw.send("GET /api/health/ HTTP/1.1\r\nHost: auth.example.com\r\n"
                    + "Origin: https://app.example.com\r\n\r\n");

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json()).isEqualTo(Map.of("detail", "You do not have permission to perform this action."));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .contains("GET /api/health/").contains(" with 403: ").contains("CORS").contains("https://app.example.com"));
        }
    }
}
