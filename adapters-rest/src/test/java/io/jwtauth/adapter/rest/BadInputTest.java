package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every POST endpoint, fed each kind of bad body: always a 4xx JSON answer in DRF's words, never a 5xx. */
@MicronautTest
class BadInputTest extends EndpointTest {

    record Endpoint(String path, String field) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/token/", "username"),
            new Endpoint("/api/token/refresh/", "refresh"),
            new Endpoint("/api/token/verify/", "token"),
            new Endpoint("/api/token/blacklist/", "refresh"));

    static Stream<Arguments> endpoints() {
        return ENDPOINTS.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anEmptyBodyLacksTheField(Endpoint endpoint) {
        for (String contentType : new String[] {"application/x-www-form-urlencoded", "application/json", null}) {
            Http.Answer answer = http.post(endpoint.path(), contentType, "");
            assertThat(answer.status()).as(contentType).isEqualTo(400);
            assertThat(answer.body()).containsEntry(endpoint.field(), List.of("This field is required."));
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void malformedJson(Endpoint endpoint) {
        Http.Answer answer = http.json(endpoint.path(), "{\"" + endpoint.field() + "\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(Map.of("detail", "JSON parse error - the body is not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void jsonThatIsNotAnObject(Endpoint endpoint) {
        assertThat(http.json(endpoint.path(), "[]").body()).isEqualTo(Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got list.")));
        assertThat(http.json(endpoint.path(), "\"text\"").body()).isEqualTo(Map.of("non_field_errors",
                List.of("Invalid data. Expected a dictionary, but got str.")));
        assertThat(http.json(endpoint.path(), "null").status()).isEqualTo(400);
        assertThat(http.json(endpoint.path(), "12").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void fieldsOfTheWrongJsonType(Endpoint endpoint) {
        assertFieldError(endpoint, "[\"a\"]", "Not a valid string.");
        assertFieldError(endpoint, "{\"a\": 1}", "Not a valid string.");
        assertFieldError(endpoint, "true", "Not a valid string.");
        assertFieldError(endpoint, "null", "This field may not be null.");
        assertFieldError(endpoint, "\"   \"", "This field may not be blank.");
        assertFieldError(endpoint, "\"a\\u0000b\"", "Null characters are not allowed.");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void unsupportedContentTypes(Endpoint endpoint) {
        for (String contentType : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x")) {
            Http.Answer answer = http.post(endpoint.path(), contentType, endpoint.field() + "=x");
            assertThat(answer.status()).as(contentType).isEqualTo(415);
            assertThat(answer.body().get("detail")).asString().startsWith("Unsupported media type");
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void bodiesOverTheLimitAreRefusedUnread(Endpoint endpoint) {
        Http.Answer answer = http.form(endpoint.path(), endpoint.field() + "=" + "a".repeat(70_000));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).containsKey("detail");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void sqlAndOddCharactersAreJustText(Endpoint endpoint) {
        Http.Answer answer = http.form(endpoint.path(), endpoint.field() + "=%27%3B+DROP+TABLE+users%3B--&password=x");
        assertThat(answer.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void nulBytesInAFormAreRefusedLikeDrf(Endpoint endpoint) {
        Http.Answer answer = http.form(endpoint.path(), endpoint.field() + "=a%00b&password=x");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(Map.of(endpoint.field(), List.of("Null characters are not allowed.")));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anEnormousValueJustUnderTheBodyLimitIsJustWrong(Endpoint endpoint) {
        String enormous = "eyJhbGciOiJIUzI1NiJ9." + "A".repeat(60_000) + ".c2ln";
        Http.Answer answer = http.form(endpoint.path(), endpoint.field() + "=" + enormous + "&password=x");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().body()).doesNotContain(enormous.substring(0, 40));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void enormousHeadersAreRefusedWithoutAServerError(Endpoint endpoint) {
        Http.Answer answer = http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(endpoint.path()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Padding", "p".repeat(20_000))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(endpoint.field() + "=x")).build());
        assertThat(answer.status()).isBetween(400, 499);
    }

    /** Sent as well-formed JSON, so that each name reaches the login as written. */
    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1", "myuser' --", "myuser'; DROP TABLE users; --", "\"; SELECT 1; --",
            "myuse_", "myuse%", "my%", "*", "myuser\\", "$where", "{\"$gt\": \"\"}", "a--b", "myuser\u0000"})
    void sqlAndWildcardsInTheLoginNameMatchNobody(String username) throws Exception {
        Http.Answer answer = http.json("/api/token/", json.writeValueAsString(Map.of("username", username, "password", "mypassword")));
        if (username.indexOf('\0') >= 0) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo(Map.of("username", List.of("Null characters are not allowed.")));
        } else {
            assertThat(answer.status()).as(username).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(Map.of("detail", "No active account found with the given credentials"));
        }
    }

    /** WHATWG and Django keep a % that starts no valid sequence as written: the value is just wrong. */
    @ParameterizedTest
    @MethodSource("endpoints")
    void brokenPercentEncodingIsKeptAsWritten(Endpoint endpoint) {
        Http.Answer answer = http.form(endpoint.path(), endpoint.field() + "=%zz%4&password=x");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).containsKey("detail");
    }

    @org.junit.jupiter.api.Test
    void passwordsOverTheLimitAreRefusedBeforeHashing() {
        int checksBefore = fixture.hasher.checks();
        Http.Answer answer = http.form("/api/token/", "username=myuser&password=" + "p".repeat(4097));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(Map.of("password", List.of("Ensure this field has no more than 4096 characters.")));
        assertThat(fixture.hasher.checks()).isEqualTo(checksBefore);
    }

    @org.junit.jupiter.api.Test
    void numbersAreTakenAsTextLikeDrfDoes() {
        Http.Answer answer = http.json("/api/token/", "{\"username\": 12345, \"password\": 678}");
        assertThat(answer.status()).isEqualTo(401);
    }

    private void assertFieldError(Endpoint endpoint, String jsonValue, String message) {
        Http.Answer answer = http.json(endpoint.path(), "{\"" + endpoint.field() + "\": " + jsonValue + ", \"password\": \"x\"}");
        assertThat(answer.status()).as(jsonValue).isEqualTo(400);
        assertThat(answer.body()).as(jsonValue).isEqualTo(Map.of(endpoint.field(), List.of(message)));
    }

    @Test
    void jsonWithAnythingAfterItsValueIsMalformed() {
        for (String body : new String[] {"{\"username\":\"myuser\",\"password\":\"mypassword\"} x",
                "{\"username\":\"myuser\",\"password\":\"mypassword\"}{\"username\":\"other\"}",
                "{\"username\":\"myuser\",\"password\":\"mypassword\"}]"}) {
            Http.Answer answer = http.json("/api/token/", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().get("detail").toString()).as(body).startsWith("JSON parse error");
        }
        assertThat(http.json("/api/token/", "  {\"username\":\"myuser\",\"password\":\"mypassword\"}\n ").status())
                .as("white space around the value is fine").isEqualTo(200);
    }
}
