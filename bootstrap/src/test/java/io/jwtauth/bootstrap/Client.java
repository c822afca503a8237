package io.jwtauth.bootstrap;

import io.jwtauth.testsupport.JsonFields;
import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.TestHttpClient;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;

/**
 * test-support's HTTP client for the assembled service, speaking forms as the tutorial's curl does; every answer is
 * checked against the OpenAPI document (an undocumented one fails the test with an {@link AssertionError}).
 */
final class Client {

    private final TestHttpClient http;

    Client(URL base) {
        try {
            this.http = TestHttpClient.checked(base.toURI(), TestHttpClient.ANSWER_TIMEOUT, OpenApiContract.fromClasspath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    HttpResponse<String> form(String path, String body) {
        return http.form(path, body);
    }

    HttpResponse<String> post(String path, String bearer, String body) {
        return http.post(path, TestHttpClient.FORM, "Bearer " + bearer, body);
    }

    HttpResponse<String> get(String path, String bearer) {
        return http.get(path, "Bearer " + bearer);
    }

    /** Logs in and returns {refresh, access}. */
    String[] login(String username, String password) {
        HttpResponse<String> answer = form("/api/token/", "username=" + username + "&password=" + password);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + answer.body());
        }
        return new String[] {field(answer.body(), "refresh"), field(answer.body(), "access")};
    }

    static String field(String json, String name) {
        return JsonFields.field(json, name);
    }

    /**
     * JWT times are whole seconds and a token issued within the second of a credentials change still counts as
     * issued after it; a scenario that needs "before" waits for the next second.
     */
    static void untilNextSecond() throws InterruptedException {
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 10);
    }
}
