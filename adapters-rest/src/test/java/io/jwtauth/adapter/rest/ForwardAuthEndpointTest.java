package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.Username;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reverse proxy's sub-request: any method, any path below the endpoint, the identity in headers; the body unread. */
@MicronautTest
class ForwardAuthEndpointTest extends EndpointTest {

    @Test
    void aValidAccessTokenIsAllowedWithTheIdentityInHeaders() {
        RawHttp raw = new RawHttp(server.getURI(), json);
        String bearer = "Authorization: Bearer " + login().access();
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            for (String path : List.of("/api/forward-auth/", "/api/forward-auth", "/api/forward-auth/x",
                    "/api/forward-auth/some/upstream/path?q=1&r=%2F")) {
                RawHttp.Answer answer = raw.send(RouteBypassTest.request(List.of(method + " " + path + " HTTP/1.1", bearer)));
                assertThat(answer.status()).as("%s %s", method, path).isEqualTo(200);
                assertThat(answer.header("X-Auth-User-Id")).as("%s %s", method, path).isEqualTo(myuser.id().asClaim());
                assertThat(answer.header("X-Auth-Username")).as("%s %s", method, path).isEqualTo("myuser");
                assertThat(answer.body()).as("%s %s", method, path).isEmpty();
            }
        }
    }

    @Test
    void theOriginalRequestsAcceptAndBodyHeadersDoNotMatterWithoutABody() {
        RawHttp raw = new RawHttp(server.getURI(), json);
        String bearer = "Authorization: Bearer " + login().access();
        for (List<String> headers : List.of(
                List.of("Accept: application/xml"), List.of("Accept: image/png"),
                List.of("Content-Encoding: gzip"), List.of("Content-Type: a/b", "Content-Type: c/d"))) {
            List<String> lines = new java.util.ArrayList<>(List.of("GET /api/forward-auth/feed.xml HTTP/1.1", bearer));
            lines.addAll(headers);
            RawHttp.Answer answer = raw.send(RouteBypassTest.request(lines));
            assertThat(answer.status()).as(headers.toString()).isEqualTo(200);
        }
    }

    @Test
    void theBodyIsNeverRead() {
        // A body that no reader would accept, with a content type that no route of ours consumes.
        String request = "POST /api/forward-auth/upload HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + login().access() + "\r\nContent-Type: application/x-unknown\r\n"
                + "Content-Length: 5\r\n\r\n{{{{{";
        RawHttp.Answer answer = new RawHttp(server.getURI(), json).send(request);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Auth-Username")).isEqualTo("myuser");
    }

    @Test
    void withoutAValidAccessTokenItAnswersAsTheProtectedGetDoes() {
        TokenPair pair = login();
        Http.Answer none = http.get("/api/forward-auth/", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
        assertThat(none.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
        assertThat(none.header("X-Auth-User-Id")).isNull();

        Http.Answer refresh = http.get("/api/forward-auth/", "Bearer " + pair.refresh());
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.body()).containsEntry("code", "token_not_valid");

        String expired = fixture.codec.encode(fixture.issuer.access(myuser.id(),
                fixture.clock.instant().minus(Duration.ofMinutes(6))));
        assertThat(http.get("/api/forward-auth/", "Bearer " + expired).status()).isEqualTo(401);

        fixture.user("forward-leaver", "mypassword");
        TokenPair leavers = fixture.loginAs("forward-leaver", "mypassword");
        fixture.setUserActive.handle(new SetUserActive.Command(new Username("forward-leaver"), false));
        Http.Answer inactive = http.get("/api/forward-auth/", "Bearer " + leavers.access());
        assertThat(inactive.status()).isEqualTo(401);
        assertThat(inactive.body()).isEqualTo(Map.of("detail", "User is inactive", "code", "user_inactive"));
    }

    @Test
    void aUsernameOutsideAsciiIsPercentEncoded() {
        fixture.user("zoë@example", "mypassword");
        String access = fixture.loginAs("zoë@example", "mypassword").access();
        Http.Answer answer = http.get("/api/forward-auth/", "Bearer " + access);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Auth-Username")).isEqualTo("zo%C3%AB%40example");
    }
}
