package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.JwkSet;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@MicronautTest
class JwksEndpointTest extends EndpointTest {

    private static final Map<String, String> RSA_KEY = Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", "new",
            "n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e", "AQAB");
    private static final Map<String, String> EC_KEY = Map.of("kty", "EC", "use", "sig", "alg", "ES256", "kid", "old",
            "crv", "P-256", "x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0");

    @AfterEach
    void publishNothingAgain() {
        fixture.verificationKeys.publishNothing();
    }

    @Test
    void publishesTheKeySetForVerifiersToCache() {
        fixture.verificationKeys.publish(new JwkSet(List.of(RSA_KEY, EC_KEY)));

        Http.Answer answer = http.get("/.well-known/jwks.json", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(answer.body()).isEqualTo(Map.of("keys", List.of(RSA_KEY, EC_KEY)));
        assertThat(answer.raw().body()).as("keys keep their order").containsSubsequence("\"kid\":\"new\"", "\"kid\":\"old\"");
    }

    @Test
    void isNotFoundWithASharedSecret() {
        Http.Answer answer = http.get("/.well-known/jwks.json", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(Map.of("detail", "Not found."));
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isNull();
    }

    @Test
    void needsNoCredentialsAndIgnoresThem() {
        fixture.verificationKeys.publish(new JwkSet(List.of(RSA_KEY)));

        assertThat(http.get("/.well-known/jwks.json", "Bearer not-a-token").status()).isEqualTo(200);
    }

    @Test
    void onlyAnswersGet() {
        fixture.verificationKeys.publish(new JwkSet(List.of(RSA_KEY)));

        Http.Answer post = http.json("/.well-known/jwks.json", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.body()).isEqualTo(Map.of("detail", "Method \"POST\" not allowed."));
        Http.Answer delete = http.send(HttpRequest.newBuilder(server.getURI().resolve("/.well-known/jwks.json")).DELETE().build());
        assertThat(delete.status()).isEqualTo(405);
    }
}
