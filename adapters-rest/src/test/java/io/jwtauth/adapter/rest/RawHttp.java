package io.jwtauth.adapter.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request as the exact bytes given, over a fresh connection that the request closes, and reads the answer
 * raw: for request lines and paths that an HTTP client library would normalize or refuse to send.
 */
final class RawHttp {

    record Answer(int status, String head, String body) {
    }

    private final URI server;

    RawHttp(URI server) {
        this.server = server;
    }

    /** {@code request} is everything before the blank line (request line and header lines), without line ends. */
    Answer send(String... requestLines) {
        StringBuilder request = new StringBuilder();
        for (String line : requestLines) {
            request.append(line).append("\r\n");
        }
        request.append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n");
        request.append("Connection: close\r\n\r\n");
        return sendBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer sendBytes(byte[] request) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Answer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
