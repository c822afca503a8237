package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer that Netty, Micronaut or our protocol checks give before an endpoint runs, provoked by the raw bytes
 * that cause it: each is DRF's JSON with the status the RFCs name, and each is logged with its reason.
 */
@MicronautTest
class FrameworkStatusesTest extends EndpointTest {

    private static final String LOGIN = "username=myuser&password=mypassword";

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(server.getURI(), json);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // the request line
                refusal("GARBAGE\r\n\r\n", 400, "Malformed request."),
                refusal("GET /api/health/ HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400, "Malformed request."),
                refusal("GET /api/health/ HTTP/1.1\nHost: x\n\n", 400, "Malformed request."),
                refusal("GET /api/health/ HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP version not supported."),
                refusal("GET /api/health/ HTTP/1.2\r\nHost: x\r\n\r\n", 505, "HTTP version not supported."),
                refusal("GET /api/health/ HTTP/3.0\r\nHost: x\r\n\r\n", 505, "HTTP version not supported."),
                refusal("GET /" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "Request line is too long."),
                // the target URI
                refusal("GET /api/%zz/ HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Malformed request."),
                refusal("GET /api/health/?a=%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Malformed request."),
                refusal("GET /a|b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Malformed request."),
                refusal("GET /a\"b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Malformed request."),
                refusal("GET * HTTP/1.1\r\nHost: x\r\n\r\n", 404, "Not found."),
                refusal("GET /api/nothing-here/ HTTP/1.1\r\nHost: x\r\n\r\n", 404, "Not found."),
                // methods
                refusal("FOO /api/health/ HTTP/1.1\r\nHost: x\r\n\r\n", 405, "Method \"FOO\" not allowed."),
                refusal("TRACE /api/health/ HTTP/1.1\r\nHost: x\r\n\r\n", 405, "Method \"TRACE\" not allowed."),
                refusal("OPTIONS /api/token/ HTTP/1.1\r\nHost: x\r\n\r\n", 405, "Method \"OPTIONS\" not allowed."),
                // the header block
                refusal("GET /api/health/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431,
                        "Request header fields are too large."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(3_000) + "\r\n", 431,
                        "Request header fields are too large."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n", 400, "Malformed request."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 400, "Malformed request."),
                refusal("GET /api/health/ HTTP/1.1\r\n\r\n", 400, "A request must have exactly one Host header."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "A request must have exactly one Host header."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "Invalid Host header."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, "Invalid Host header."),
                refusal("GET /api/health/ HTTP/1.1\r\nHost: x\r\nAccept: application/xml\r\n\r\n", 406,
                        "Could not satisfy the request Accept header."),
                refusal(post("Origin: https://a.example\r\nOrigin: https://b.example\r\n", LOGIN), 400,
                        "A request may have only one Origin header."),
                // the body's framing
                refusal(post("Content-Length: 35\r\nContent-Length: 36\r\n", LOGIN), 400, "Malformed request."),
                refusal(post("Content-Length: abc\r\n", ""), 400, "Malformed request."),
                refusal(post("Content-Length: -1\r\n", ""), 400, "Malformed request."),
                refusal(post("Content-Length: 100000\r\n", ""), 413, "Request body is too large."),
                refusal(post("Transfer-Encoding: foo\r\n", ""), 400, "The body's length cannot be determined."),
                refusal(post("Transfer-Encoding: chunked, foo\r\n", ""), 400, "The body's length cannot be determined."),
                refusal(post("Transfer-Encoding: gzip\r\n", ""), 400, "The body's length cannot be determined."),
                refusal(post("Transfer-Encoding: chunked, gzip\r\n", ""), 400, "The body's length cannot be determined."),
                refusal(post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n"), 501, "Transfer coding not implemented."),
                refusal(post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"), 501,
                        "Transfer coding not implemented."),
                // compressed bodies
                refusal(post("Content-Encoding: gzip\r\n", LOGIN), 415, "Content-Encoding \"gzip\" is not supported."),
                refusal(post("Content-Encoding: identity, br\r\n", LOGIN), 415, "Content-Encoding \"br\" is not supported."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void isDrfJsonWithItsStatusAndLogged(String request, int status, String detail) {
        try (RefusalLog log = new RefusalLog()) {
            RawHttp.Answer answer = raw.send(request);

            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.json()).isEqualTo(Map.of("detail", detail));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("Refused ").contains(" with " + status + ": "));
        }
    }

    @Test
    void aBodyOfUnknownLengthClosesTheConnectionSoItsBytesAreNeverReadAsAnotherRequest() {
        String smuggled = "GET /api/health/ HTTP/1.1\r\nHost: x\r\n\r\n";
        for (String framing : List.of("Transfer-Encoding: foo\r\n", "Transfer-Encoding: gzip\r\n",
                "Transfer-Encoding: gzip, chunked\r\n")) {
            List<RawHttp.Answer> answers = raw.sendAll(post(framing, smuggled).getBytes(StandardCharsets.ISO_8859_1), 2);
            assertThat(answers).as(framing).hasSize(1);
            assertThat(answers.get(0).header("Connection")).isEqualToIgnoringCase("close");
        }
    }

    /** Netty reads a malformed chunk as the end of the body: the endpoint sees no fields, never a guess at them. */
    @Test
    void aMalformedChunkEndsTheBody() {
        RawHttp.Answer answer = raw.send(post("Transfer-Encoding: chunked\r\n", "zz\r\nusername=myuser\r\n0\r\n\r\n"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(Map.of("username", List.of("This field is required."),
                "password", List.of("This field is required.")));
    }

    /** RFC 9110 §15.6.6: the server says which version it speaks, and the connection ends there. */
    @Test
    void aVersionWeDoNotSpeakIsAnsweredInHttp11AndTheConnectionCloses() {
        for (String version : List.of("HTTP/2.0", "HTTP/1.2", "HTTP/3.0")) {
            List<RawHttp.Answer> answers = raw.sendAll(("GET /api/health/ " + version + "\r\nHost: x\r\n\r\n"
                    + "GET /api/health/ HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), 2);
            assertThat(answers).as(version).hasSize(1);
            assertThat(answers.get(0).statusLine()).startsWith("HTTP/1.1 505 ");
        }
    }

    @Test
    void aCompressedBodyIsRefusedWithTheCodingsThatAreAccepted() {
        RawHttp.Answer answer = raw.send(post("Content-Encoding: deflate\r\n", LOGIN));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Accept-Encoding")).isEqualTo("identity");
        assertThat(raw.send(post("Content-Encoding: identity\r\n", LOGIN)).status()).isEqualTo(200);
    }

    @Test
    void http10WithoutHostAndTheAbsoluteFormAreServed() {
        assertThat(raw.send("GET /api/health/ HTTP/1.0\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw.send("GET http://x/api/health/ HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw.send("GET /api/health/ HTTP/1.1\r\nHost: [2001:db8::1]:8000\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw.send("GET /api/health/ HTTP/1.1\r\nHost:\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void aHeadAnswerHasNoBody() {
        RawHttp.Answer answer = raw.send("HEAD /api/nothing-here/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
    }

    /**
     * nginx's default {@code proxy_pass http://127.0.0.1:8000} sends {@code Host: 127.0.0.1:8000}, and browsers send
     * an Origin: Micronaut's drive-by-localhost protection would answer 403 with no body (micronaut-core #8749).
     * simplejwt answers 200, and so do we; with CORS off no Access-Control header is sent, so the page cannot read
     * the answer unless CORS is configured.
     */
    @Test
    void aBrowsersRequestBehindAProxyOnTheSameHostIsServed() {
        for (String host : List.of("127.0.0.1:8000", "localhost", "127.0.0.2")) {
            for (String origin : List.of("https://app.example.com", "null")) {
                RawHttp.Answer answer = raw.send(post("Host: " + host + "\r\nOrigin: " + origin + "\r\n", LOGIN, false));
                assertThat(answer.status()).as(host + " " + origin).isEqualTo(200);
                assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
            }
        }
        RawHttp.Answer preflight = raw.send("OPTIONS /api/token/ HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n"
                + "Origin: https://app.example.com\r\nAccess-Control-Request-Method: POST\r\n\r\n");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.json()).isEqualTo(Map.of("detail", "Method \"OPTIONS\" not allowed."));
    }

    private static Arguments refusal(String request, int status, String detail) {
        return Arguments.of(request, status, detail);
    }

    /** A form POST to the login with {@code extraHeaders}; a Content-Length for the body unless one is given. */
    static String post(String extraHeaders, String body) {
        return post("Host: localhost\r\n" + extraHeaders, body, true);
    }

    private static String post(String headers, String body, boolean hostGiven) {
        boolean framed = headers.contains("Content-Length") || headers.contains("Transfer-Encoding");
        return "POST /api/token/ HTTP/1.1\r\n" + headers + "Content-Type: application/x-www-form-urlencoded\r\n"
                + (framed ? "" : "Content-Length: " + body.length() + "\r\n") + "\r\n" + body;
    }
}
