package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.ThrottleKey;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Behind one trusted proxy, the client is the last X-Forwarded-For entry: the one that proxy added. */
@MicronautTest
@Property(name = "auth.login-throttle.trusted-proxies", value = "1")
class TrustedProxyTest extends EndpointTest {

    @Test
    void theProxysEntryNamesTheClientAndWhatTheClientWroteIsIgnored() {
        failWith("X-Forwarded-For", "198.51.100.1, 203.0.113.7");
        assertThat(failuresFrom("203.0.113.7")).isTrue();
        assertThat(failuresFrom("198.51.100.1")).isFalse();
    }

    @Test
    void aMissingOrBrokenHeaderFallsBackToThePeer() {
        failWith("X-Forwarded-For", "not-an-address");
        failWith("X-Request-Id", "no forwarded-for at all");
        assertThat(failuresFrom("not-an-address")).isFalse();
        assertThat(fixture.loginFailures.find(ThrottleKey.address(new ClientAddress("127.0.0.1")))).get()
                .extracting(tally -> tally.count()).isEqualTo(2);
    }

    @Test
    void aProxyThatAddsItsOwnLineCountsTheSame() {
        failWith("X-Forwarded-For: 198.51.100.1\r\nX-Forwarded-For: 203.0.113.8");
        assertThat(failuresFrom("203.0.113.8")).isTrue();
    }

    @Test
    void addressesWithPortsOrBracketsAreOneClient() {
        failWith("X-Forwarded-For: 203.0.113.10:51234");
        failWith("X-Forwarded-For: [2001:db8::a]:51234");
        failWith("X-Forwarded-For: [2001:DB8:0::a]");
        failWith("X-Forwarded-For: 2001:db8::a");
        assertThat(failuresFrom("203.0.113.10")).isTrue();
        assertThat(fixture.loginFailures.find(ThrottleKey.address(new ClientAddress("2001:db8:0:0:0:0:0:a")))).get()
                .extracting(tally -> tally.count()).isEqualTo(3);
        assertThat(failuresFrom("[2001:db8::a]:51234")).isFalse();
    }

    /** Sent as raw bytes, so that the header lines arrive exactly as a proxy would write them. */
    private void failWith(String headerLines) {
        String body = "username=someone&password=guess";
        RawHttp.Answer answer = new RawHttp(server.getURI(), json).send("POST /api/token/ HTTP/1.1\r\nHost: localhost\r\n"
                + headerLines + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
        assertThat(answer.status()).isEqualTo(401);
    }

    private void failWith(String header, String value) {
        Http.Answer answer = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/token/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString("username=someone&password=guess")).build());
        assertThat(answer.status()).isEqualTo(401);
    }

    private boolean failuresFrom(String address) {
        return fixture.loginFailures.find(ThrottleKey.address(new ClientAddress(address))).isPresent();
    }
}
