package io.jwtauth.adapter.rest;

import io.jwtauth.testsupport.TestHttpClient;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * test-support's plain JDK HTTP client, so requests go over the wire exactly as written and answers are read raw,
 * with each JSON body also parsed by the service's own JSON mapper.
 */
final class Http {

    record Answer(int status, Map<String, Object> body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final TestHttpClient client;
    private final JsonMapper json;

    Http(URI base, JsonMapper json) {
        this.client = new TestHttpClient(base);
        this.json = json;
    }

    Answer post(String path, String contentType, String body) {
        return answer(client.post(path, contentType, null, body));
    }

    Answer form(String path, String body) {
        return post(path, "application/x-www-form-urlencoded", body);
    }

    Answer json(String path, String body) {
        return post(path, "application/json", body);
    }

    Answer postWithBearer(String path, String authorization, String contentType, String body) {
        return answer(client.post(path, contentType, authorization, body));
    }

    Answer get(String path, String authorization) {
        return answer(client.get(path, authorization));
    }

    Answer send(HttpRequest request) {
        return answer(client.send(request));
    }

    private Answer answer(HttpResponse<String> response) {
        try {
            Map<String, Object> body = response.body().isEmpty() ? Map.of()
                    : json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
