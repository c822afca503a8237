package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.ThrottleKey;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** Behind two trusted proxies the client is the second entry from the right; empty list elements are not entries. */
@MicronautTest
@Property(name = "auth.login-throttle.trusted-proxies", value = "2")
class TwoTrustedProxiesTest extends EndpointTest {

    @Test
    void anEmptyElementIsNotAHop() {
        String body = "username=someone&password=guess";
        RawHttp.Answer answer = new RawHttp(server.getURI(), json).send("POST /api/token/ HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: 198.51.100.1, 203.0.113.20, , 10.0.0.2\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(fixture.loginFailures.find(ThrottleKey.address(new ClientAddress("203.0.113.20")))).isPresent();
    }
}
