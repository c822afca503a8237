package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.CreateUser;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.Username;
import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.TestHttpClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rotation with blacklisting on the assembled service and its real database: of many clients presenting one
 * refresh token at once, exactly one gets a new pair (simplejwt let 3 of 16 through).
 */
// Not transactional: the server's threads must see the user the test creates.
@MicronautTest(transactional = false)
@Property(name = "auth.rotate-refresh-tokens", value = "true")
@Property(name = "auth.blacklist-after-rotation", value = "true")
// Without the grace period, so that every request that lost the race is refused: with it, one that arrives after the
// winner committed gets the winner's successor again (ReuseDetectionTest), which is the same single chain.
@Property(name = "auth.refresh-reuse-grace-period", value = "0s")
class ConcurrentRotationTest {

    private static final Pattern REFRESH = Pattern.compile("\"refresh\":\"([^\"]+)\"");
    private static final int CLIENTS = 16;

    @Inject
    EmbeddedServer server;
    @Inject
    CreateUser createUser;

    @Test
    void ofSixteenParallelRefreshesOfOneTokenExactlyOneSucceeds() throws Exception {
        createUser.handle(new CreateUser.Command(new Username("racer"), new PlainPassword("mypassword")));
        TestHttpClient http = TestHttpClient.checked(server.getURI(), OpenApiContract.fromClasspath());
        HttpResponse<String> login = http.send(form("/api/token/", "username=racer&password=mypassword"));
        Matcher refresh = REFRESH.matcher(login.body());
        assertThat(refresh.find()).isTrue();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            answers.add(http.sendAsync(form("/api/token/refresh/", "refresh=" + refresh.group(1))));
        }
        List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();

        assertThat(done).filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        assertThat(done).filteredOn(answer -> answer.statusCode() == 401).hasSize(CLIENTS - 1)
                .allSatisfy(answer -> assertThat(answer.body())
                        .isEqualTo("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}"));
        HttpResponse<String> winner = done.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow();
        assertThat(winner.body()).contains("\"access\":").contains("\"refresh\":");
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
