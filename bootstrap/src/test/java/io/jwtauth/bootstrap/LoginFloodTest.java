package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.CreateUser;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.Username;
import io.jwtauth.testsupport.LoginBurst;
import io.jwtauth.testsupport.OpenApiContract;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst far beyond capacity (300 logins against 1 hashing thread and 4 places in line): the overflow is refused
 * with 503 in simplejwt's shape, the admitted ones succeed, and nothing else happens. Answers only, never times.
 */
@MicronautTest(transactional = false)
@Property(name = "auth.password-hashing.threads", value = "1")
@Property(name = "auth.password-hashing.queue", value = "4")
class LoginFloodTest {

    private static final int LOGINS = 300;

    @Inject
    EmbeddedServer server;
    @Inject
    CreateUser createUser;

    @Test
    void theOverflowGets503AndTheRestSucceed() {
        createUser.handle(new CreateUser.Command(new Username("flood"), new PlainPassword("flood-password")));

        List<HttpResponse<String>> answers = LoginBurst.send(server.getURI(), "username=flood&password=flood-password", LOGINS);
        answers.forEach(OpenApiContract.fromClasspath()::verify);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200, 503);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503).allSatisfy(answer -> {
            assertThat(answer.body()).isEqualTo("{\"detail\":\"The service is temporarily unavailable; try again shortly.\","
                    + "\"code\":\"service_unavailable\"}");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/json"));
        });
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200)
                .allSatisfy(answer -> assertThat(answer.body()).startsWith("{\"refresh\":"));
    }
}
