package io.jwtauth.adapter.rest;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client that writes exactly the bytes it is given on a fresh TCP connection and reads the answer raw: for
 * request lines, versions, URIs and header blocks that no HTTP library would send.
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

    private final URI base;
    private final JsonMapper json;

    RawHttp(URI base, JsonMapper json) {
        this.base = base;
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
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(requests);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            List<Answer> read = new ArrayList<>();
            for (int i = 0; i < answers; i++) {
                Answer answer = readAnswer(in);
                if (answer == null) {
                    break;
                }
                read.add(answer);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            headers.add(line);
        }
        Answer head = new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, "", Map.of(), false, statusLine);
        byte[] body;
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                chunks.writeBytes(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toByteArray();
        } else if (head.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
        } else {
            body = new byte[0];
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, Object> parsed = text.startsWith("{") ? json.readValue(text, Argument.mapOf(String.class, Object.class)) : Map.of();
        boolean closed = "close".equalsIgnoreCase(head.header("Connection"));
        return new Answer(head.status(), headers, text, parsed, closed, statusLine);
    }

    /** A line without its CRLF, or null at the end of the stream (or when the server goes quiet). */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(b);
            }
        } catch (SocketTimeoutException quiet) {
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
