package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every spelling of a protected path that a proxy or the router might read differently (the route-bypass advisories
 * fixed in micronaut-security 4.18.2 and 4.18.3, which are not served here: HEAD passing GET rules, encoded slashes and
 * dots, doubled slashes, trailing dots, other cases) is either refused for want of credentials or not a route at all;
 * none reaches a protected controller without a valid token. The controllers would answer 200 (the greeting, logout
 * everywhere) or read the body (the password change's field errors), so any of those means a bypass.
 */
@MicronautTest
class RouteBypassTest extends EndpointTest {

    private static final List<String> PROTECTED = List.of("/api/profile/", "/api/token/revoke-all/", "/api/password/change/",
            "/api/forward-auth/");

    @Test
    void noSpellingOfAProtectedPathReachesItsControllerWithoutAValidToken() {
        RawHttp raw = new RawHttp(server.getURI(), json);
        List<String> checked = new ArrayList<>();
        for (String path : PROTECTED) {
            for (String variant : variants(path)) {
                for (String method : List.of("GET", "HEAD", "POST")) {
                    for (String authorization : new String[] {null, "Bearer not.a.token"}) {
                        List<String> lines = new ArrayList<>(List.of(method + " " + variant + " HTTP/1.1"));
                        if (authorization != null) {
                            lines.add("Authorization: " + authorization);
                        }
                        if (method.equals("POST")) {
                            lines.add("Content-Type: application/x-www-form-urlencoded");
                            lines.add("Content-Length: 0");
                        }
                        RawHttp.Answer answer = raw.send(request(lines));
                        String what = method + " " + variant + " with " + authorization;
                        assertThat(answer.status()).as(what).isBetween(400, 499);
                        assertThat(answer.body()).as(what).doesNotContain("Hello").doesNotContain("This field is required");
                        checked.add(what);
                    }
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(800);
    }

    @Test
    void headOfTheProtectedGetNeedsCredentialsLikeTheGet() {
        RawHttp.Answer answer = new RawHttp(server.getURI(), json).send(request(List.of("HEAD /api/profile/ HTTP/1.1")));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(WWW_AUTHENTICATE);
        assertThat(answer.body()).as("a HEAD answer has no body").isEmpty();
    }

    @Test
    void theSameSpellingsWithAValidTokenAreEitherTheRouteOrNotFound() {
        // The reverse check: a variant that the router does map to the protected route is the route, with its rule.
        String access = login().access();
        RawHttp raw = new RawHttp(server.getURI(), json);
        for (String variant : variants("/api/profile/")) {
            RawHttp.Answer answer = raw.send(request(List.of("GET " + variant + " HTTP/1.1", "Authorization: Bearer " + access)));
            assertThat(answer.status()).as(variant).isIn(200, 400, 404);
            if (answer.status() == 200) {
                assertThat(answer.body()).as(variant).contains("Hello, myuser");
            }
        }
    }

    /** The request line and header lines given, with Host, on a connection the server closes after answering. */
    static String request(List<String> lines) {
        return String.join("\r\n", lines) + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static List<String> variants(String path) {
        String bare = path.substring(0, path.length() - 1);
        String[] segments = bare.substring(1).split("/");
        String last = segments[segments.length - 1];
        String parent = bare.substring(0, bare.length() - last.length() - 1);
        List<String> variants = new ArrayList<>(List.of(
                path, bare, path.toUpperCase(), bare.toUpperCase(),
                parent + "/" + Character.toUpperCase(last.charAt(0)) + last.substring(1) + "/",
                "/" + path, path.replace("/api/", "/api//"), path + "/", bare + "//",
                path.replace("/", "%2F"), path.replace("/api/", "/api%2F"), bare + "%2F", bare + "%2f",
                path.replace("/api/", "/api/%2e/"), path.replace("/api/", "/api/./"), path.replace("/api/", "/api/x/../"),
                path.replace("/api/", "/api/%2e%2e/api/"), path.replace("/api/", "/%2e/api/"), path + "%2e", path + ".",
                bare + "./", bare + ".", bare + "%2e/", bare + ";/", bare + ";x=1/", path + ";", path + "?x=1",
                path + "#x", bare + "%20/", bare + "%00/", path.replace("a", "%61"), path.replace("/api/", "/API/"),
                path.replace("/api/", "/api\\"), "http://localhost" + path));
        return variants;
    }
}
