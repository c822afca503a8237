package io.jwtauth.adapter.rest;

import io.jwtauth.testsupport.RawHttpClient;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * test-support's raw client (exactly the bytes given, on a fresh TCP connection, for request lines, versions, URIs
 * and header blocks that no HTTP library would send), with each JSON body also parsed by the service's JSON mapper.
 */
final class RawHttp {

    /** One answer: the status line's code, the header lines as sent, the body (de-chunked) and whether the server then closed. */
    record Answer(int status, List<String> headers, String body, Map<String, Object> json, boolean closed, String statusLine) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse(null);
        }
    }

    private final RawHttpClient client;
    private final JsonMapper json;

    RawHttp(URI base, JsonMapper json) {
        this.client = new RawHttpClient(base);
        this.json = json;
    }

    /** Sends the request text (lines already ending in CRLF) as ISO-8859-1 bytes. */
    Answer send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer send(byte[] request) {
        return sendAll(request, 1).get(0);
    }

    /** Writes the bytes at once and reads up to {@code answers} answers from the same connection. */
    List<Answer> sendAll(byte[] requests, int answers) {
        return client.sendAll(requests, answers).stream().map(this::withJson).toList();
    }

    private Answer withJson(RawHttpClient.Answer raw) {
        try {
            Map<String, Object> parsed = raw.body().startsWith("{")
                    ? json.readValue(raw.body(), Argument.mapOf(String.class, Object.class)) : Map.of();
            return new Answer(raw.status(), raw.headers(), raw.body(), parsed, raw.closed(), raw.statusLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
