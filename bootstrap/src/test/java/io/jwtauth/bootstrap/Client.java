package io.jwtauth.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK HTTP client for the assembled service, speaking forms as the tutorial's curl does. */
final class Client {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URL base;

    Client(URL base) {
        this.base = base;
    }

    HttpResponse<String> form(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> post(String path, String bearer, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET().build());
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
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalArgumentException("no field " + name + " in " + json);
    }

    /**
     * JWT times are whole seconds and a token issued within the second of a credentials change still counts as
     * issued after it; a scenario that needs "before" waits for the next second.
     */
    static void untilNextSecond() throws InterruptedException {
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 10);
    }

    private URI uri(String path) {
        return URI.create(base.toString() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
