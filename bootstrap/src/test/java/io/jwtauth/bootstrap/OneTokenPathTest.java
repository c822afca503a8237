package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.CreateUser;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.TestHttpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.reader.TokenReader;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the service's own configuration, micronaut-security carries our one token path and nothing of its own that
 * could accept a token: no framework token reader or validator (whose Nimbus validators accept unsigned tokens when no
 * signature is configured), no second fetcher, none of its endpoints.
 */
@MicronautTest(transactional = false)
class OneTokenPathTest {

    private static final String NOT_FOUND = "{\"detail\":\"Not found.\"}";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    CreateUser createUser;

    private User user;

    @BeforeEach
    void createUser() {
        user = createUser.handle(new CreateUser.Command(new Username("u-" + UUID.randomUUID().toString().substring(0, 8)),
                new PlainPassword("mypassword")));
    }

    @Test
    void theContextHoldsOurFetcherAndNoFrameworkTokenReaderOrValidator() {
        assertThat(context.getBeansOfType(TokenValidator.class)).isEmpty();
        assertThat(context.getBeansOfType(TokenReader.class)).isEmpty();
        assertThat(context.getBeansOfType(AuthenticationFetcher.class))
                .singleElement()
                .satisfies(fetcher -> assertThat(fetcher.getClass().getName())
                        .isEqualTo("io.jwtauth.adapter.rest.AccessTokenAuthenticationFetcher"));
    }

    @Test
    void theFrameworksEndpointsDoNotExist() throws Exception {
        for (String path : new String[] {"/token_info", "/keys", "/login", "/logout", "/oauth/access_token"}) {
            for (String method : new String[] {"GET", "POST"}) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"token\":\"x\",\"username\":\"a\",\"password\":\"b\"}")));
                assertThat(answer.statusCode()).as("%s %s", method, path).isEqualTo(404);
                assertThat(answer.body()).as("%s %s", method, path).isEqualTo(NOT_FOUND);
            }
        }
    }

    @Test
    void anUnsignedTokenWithPerfectClaimsIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"token_type\":\"access\",\"exp\":" + (now + 300) + ",\"iat\":" + now + ",\"jti\":\""
                + UUID.randomUUID().toString().replace("-", "") + "\",\"user_id\":\"" + user.id().asClaim() + "\",\"sub\":\""
                + user.id().asClaim() + "\"}";
        for (String header : new String[] {"{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"none\"}", "{\"alg\":\"None\"}"}) {
            String unsigned = base64Url(header) + "." + base64Url(claims) + ".";
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/profile/"))
                    .header("Authorization", "Bearer " + unsigned).GET());
            assertThat(answer.statusCode()).as(header).isEqualTo(401);
            assertThat(answer.body()).as(header).contains("\"code\":\"token_not_valid\"").contains("Token is invalid");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestHttpClient.checked(server.getURI(), OpenApiContract.fromClasspath()).send(request);
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
