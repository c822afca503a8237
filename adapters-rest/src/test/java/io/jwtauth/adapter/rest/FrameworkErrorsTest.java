package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors the framework raises itself still speak DRF's JSON, and authentication never hides them; health is open. */
@MicronautTest
class FrameworkErrorsTest extends EndpointTest {

    @Test
    void unknownRoutesAre404EvenWithoutCredentials() {
        Http.Answer answer = http.get("/api/nothing-here/", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(Map.of("detail", "Not found."));
        assertThat(answer.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void wrongMethodsAre405() {
        assertThat(http.get("/api/token/", null).body()).isEqualTo(Map.of("detail", "Method \"GET\" not allowed."));
        Http.Answer post = http.form("/api/profile/", "");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.body()).isEqualTo(Map.of("detail", "Method \"POST\" not allowed."));
        Http.Answer delete = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/token/refresh/")).DELETE().build());
        assertThat(delete.status()).isEqualTo(405);
    }

    @Test
    void theHealthEndpointNeedsNoCredentials() {
        Http.Answer answer = http.get("/api/health/", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(Map.of("status", "ok"));
    }

    @Test
    void hugeHeadersAreRefusedWithoutAServerError() {
        Http.Answer answer = http.get("/api/profile/", "Bearer " + "x".repeat(20_000));
        assertThat(answer.status()).isBetween(400, 499);
    }
}
