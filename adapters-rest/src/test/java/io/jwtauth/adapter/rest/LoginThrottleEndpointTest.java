package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.ThrottleKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Throttled logins on the wire: DRF's 429, and failures counted against the TCP peer unless proxies are trusted. */
@MicronautTest
class LoginThrottleEndpointTest extends EndpointTest {

    @Test
    void theEleventhFailureIsAnsweredLikeDrfsThrottleAndTheRightPasswordWorksAfterTheWait() {
        fixture.user("hammered", "right-password");
        for (int i = 0; i < 10; i++) {
            assertThat(http.form("/api/token/", "username=hammered&password=guess" + i).status()).isEqualTo(401);
        }
        int checks = fixture.hasher.checks();

        Http.Answer throttled = http.form("/api/token/", "username=hammered&password=right-password");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.body()).isEqualTo(Map.of("detail", "Request was throttled. Expected available in 1 second."));
        assertThat(fixture.hasher.checks()).isEqualTo(checks);

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(http.form("/api/token/", "username=hammered&password=guess-again").status()).isEqualTo(401);
        Http.Answer longer = http.form("/api/token/", "username=hammered&password=right-password");
        assertThat(longer.header("Retry-After")).isEqualTo("2");
        assertThat(longer.body()).isEqualTo(Map.of("detail", "Request was throttled. Expected available in 2 seconds."));

        fixture.clock.advance(Duration.ofSeconds(2));
        assertThat(http.form("/api/token/", "username=hammered&password=right-password").status()).isEqualTo(200);
    }

    @Test
    void anUnknownNameIsThrottledExactlyLikeAnExistingOne() {
        for (String name : new String[] {"ghost", "myuser-twin"}) {
            if (name.equals("myuser-twin")) {
                fixture.user(name, "right-password");
            }
            for (int i = 0; i < 10; i++) {
                http.form("/api/token/", "username=" + name + "&password=guess");
            }
        }
        Http.Answer ghost = http.form("/api/token/", "username=ghost&password=guess");
        Http.Answer twin = http.form("/api/token/", "username=myuser-twin&password=guess");
        assertThat(ghost.status()).isEqualTo(429);
        assertThat(ghost.body()).isEqualTo(twin.body());
        assertThat(ghost.header("Retry-After")).isEqualTo(twin.header("Retry-After"));
    }

    @Test
    void aForwardedForHeaderIsIgnoredUnlessProxiesAreTrusted() {
        Http.Answer answer = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/token/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.50")
                .POST(HttpRequest.BodyPublishers.ofString("username=spoofer&password=guess")).build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(fixture.loginFailures.find(ThrottleKey.address(new ClientAddress("203.0.113.50")))).isEmpty();
        assertThat(fixture.loginFailures.find(ThrottleKey.address(new ClientAddress("127.0.0.1")))).isPresent();
    }
}
