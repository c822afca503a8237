package io.jwtauth.testsupport;

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

/**
 * A client that writes exactly the bytes it is given on a fresh TCP connection and reads the answers raw: for
 * request lines, versions, URIs and header blocks that no HTTP library would send. Answers are read by HTTP/1.1's
 * framing (Content-Length or chunked); a server quiet for 5 s ends the reading.
 */
public final class RawHttpClient {

    /**
     * One answer: the status line's code, the header lines as sent, the body (de-chunked, UTF-8), whether the server
     * said it closes the connection, and the status line itself.
     */
    public record Answer(int status, List<String> headers, String body, boolean closed, String statusLine) {

        /** The first header of that name (any case), its value stripped; null if there is none. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst().orElse(null);
        }
    }

    private final String host;
    private final int port;

    public RawHttpClient(URI server) {
        this.host = server.getHost();
        this.port = server.getPort();
    }

    /** Sends the request text (lines already ending in CRLF) as ISO-8859-1 bytes and reads one answer. */
    public Answer send(String request) {
        return sendAll(request.getBytes(StandardCharsets.ISO_8859_1), 1).get(0);
    }

    /** Writes the bytes at once and reads up to {@code answers} answers from the same connection. */
    public List<Answer> sendAll(byte[] requests, int answers) {
        try (Socket socket = new Socket(host, port)) {
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

    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            headers.add(line);
        }
        Answer head = new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, "", false, statusLine);
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
        boolean closed = "close".equalsIgnoreCase(head.header("Connection"));
        return new Answer(head.status(), headers, new String(body, StandardCharsets.UTF_8), closed, statusLine);
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
