package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.Username;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies as clients send them, written byte for byte on the socket: forms read by the WHATWG algorithm with Django's
 * choice among repeated names, and {@code Content-Type} read by RFC 9110's grammar, refused when it is missing or
 * names another charset than UTF-8 rather than read by guess.
 */
@MicronautTest
class FormBodyTest extends EndpointTest {

    private static final String TOKEN_PAIR = "{\"refresh\":";
    private static final Map<String, Object> BAD_CREDENTIALS = Map.of("detail", "No active account found with the given credentials");

    private RawHttp raw;

    @BeforeEach
    void users() {
        raw = new RawHttp(server.getURI(), json);
        for (String[] user : new String[][] {{"semi.user", "pass;word1"}, {"plus.user", "a+b c"},
                {"percent.user", "100%zz"}, {"unicode.user", "pässwörd🔑"}, {"wrong.user", "mypassword"}}) {
            if (fixture.users.findByUsername(new Username(user[0])).isEmpty()) {
                fixture.user(user[0], user[1]);
            }
        }
    }

    @Test
    void theTutorialsCurlWithASemicolonInThePasswordLogsIn() {
        // curl -X POST -d "username=semi.user&password=pass;word1" http://127.0.0.1:8000/api/token/
        RawHttp.Answer answer = post("application/x-www-form-urlencoded", "username=semi.user&password=pass;word1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith(TOKEN_PAIR);
    }

    @Test
    void aSemicolonDoesNotEndThePassword() {
        RawHttp.Answer answer = post("application/x-www-form-urlencoded", "username=wrong.user&password=mypassword;x");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).isEqualTo(BAD_CREDENTIALS);
        assertThat(post("application/x-www-form-urlencoded", "username=semi.user;password=pass;word1").json())
                .isEqualTo(Map.of("password", List.of("This field is required.")));
    }

    @Test
    void plusIsASpaceAndPercentTwoBIsAPlus() {
        assertThat(post("application/x-www-form-urlencoded", "username=plus.user&password=a%2Bb+c").status()).isEqualTo(200);
        assertThat(post("application/x-www-form-urlencoded", "username=plus.user&password=a+b+c").status()).isEqualTo(401);
    }

    @Test
    void anInvalidPercentSequenceIsKeptAsWritten() {
        assertThat(post("application/x-www-form-urlencoded", "username=percent.user&password=100%zz").status()).isEqualTo(200);
        assertThat(post("application/x-www-form-urlencoded", "username=percent.user&password=100%25zz").status()).isEqualTo(200);
        RawHttp.Answer refresh = raw.send(request("/api/token/refresh/", "application/x-www-form-urlencoded", "refresh=%zz"));
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.json()).isEqualTo(tokenNotValid("Token is invalid"));
    }

    @Test
    void utf8RawOrPercentEncodedIsTheSamePassword() {
        assertThat(post("application/x-www-form-urlencoded", "username=unicode.user&password=p%C3%A4ssw%C3%B6rd%F0%9F%94%91")
                .status()).isEqualTo(200);
        assertThat(raw.send(bytes(head("/api/token/", "application/x-www-form-urlencoded",
                "username=unicode.user&password=pässwörd🔑".getBytes(StandardCharsets.UTF_8).length),
                "username=unicode.user&password=pässwörd🔑".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
    }

    @Test
    void ofRepeatedNamesTheLastWinsAsInDjangosQueryDict() {
        assertThat(post("application/x-www-form-urlencoded", "username=nobody&password=x&username=semi.user&password=pass;word1")
                .status()).isEqualTo(200);
        assertThat(post("application/x-www-form-urlencoded", "username=semi.user&password=pass;word1&password=x").status())
                .isEqualTo(401);
    }

    @Test
    void emptyFieldsAndEmptyNamesAreSkippedOrIgnored() {
        assertThat(post("application/x-www-form-urlencoded", "&&=x&username=semi.user&&password=pass;word1&=&").status())
                .isEqualTo(200);
        assertThat(post("application/x-www-form-urlencoded", "username=semi.user&password").json())
                .isEqualTo(Map.of("password", List.of("This field may not be blank.")));
    }

    @Test
    void theMediaTypeIsReadCaseInsensitivelyWithItsParameters() {
        for (String contentType : List.of("Application/X-WWW-Form-URLEncoded", "application/x-www-form-urlencoded; charset=UTF-8",
                "application/x-www-form-urlencoded;charset=\"utf-8\"", "application/x-www-form-urlencoded ; Charset=utf8",
                "application/x-www-form-urlencoded;")) {
            assertThat(post(contentType, "username=semi.user&password=pass;word1").status()).as(contentType).isEqualTo(200);
        }
        assertThat(post("Application/JSON; charset=utf-8", "{\"username\": \"semi.user\", \"password\": \"pass;word1\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void aBodyInAnotherCharsetOrWithoutAMediaTypeIsRefusedNotGuessed() {
        String latin1 = "application/x-www-form-urlencoded; charset=iso-8859-1";
        try (RefusalLog log = new RefusalLog()) {
            RawHttp.Answer answer = post(latin1, "username=semi.user&password=pass;word1");
            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.json()).isEqualTo(Map.of("detail", "Unsupported media type \"" + latin1 + "\" in request."));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("POST /api/token/").contains(" with 415: "));
        }
        assertThat(post("application/json; charset=utf-16", "{}").status()).isEqualTo(415);

        RawHttp.Answer untyped = raw.send("POST /api/token/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 38\r\n\r\n"
                + "username=semi.user&password=pass;word1");
        assertThat(untyped.status()).isEqualTo(415);
        assertThat(untyped.json()).isEqualTo(Map.of("detail", "Unsupported media type \"\" in request."));

        RawHttp.Answer joined = post("application/json, application/x-www-form-urlencoded", "username=semi.user&password=pass;word1");
        assertThat(joined.status()).isEqualTo(415);
    }

    @Test
    void twoContentTypeLinesAreAmbiguousAndRefused() {
        String body = "username=semi.user&password=pass;word1";
        RawHttp.Answer answer = raw.send("POST /api/token/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(Map.of("detail", "A request may have only one Content-Type header."));
    }

    private RawHttp.Answer post(String contentType, String body) {
        return raw.send(request("/api/token/", contentType, body));
    }

    private static String request(String path, String contentType, String body) {
        return new String(head(path, contentType, body.length()), StandardCharsets.ISO_8859_1) + body;
    }

    private static byte[] head(String path, String contentType, int length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(byte[] head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
