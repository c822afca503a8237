package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.CreateUser;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.Username;
import io.jwtauth.testsupport.LoginBurst;
import io.jwtauth.testsupport.OpenApiContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst of a few dozen logins on the assembled service with real Argon2id and the default pool (a thread per core,
 * 64 waiting): every one of them waits its turn and succeeds.
 */
@MicronautTest(transactional = false)
class LoginBurstTest {

    private static final int LOGINS = 40;

    @Inject
    EmbeddedServer server;
    @Inject
    CreateUser createUser;

    @Test
    void fortyConcurrentLoginsAllSucceed() {
        createUser.handle(new CreateUser.Command(new Username("crowd"), new PlainPassword("crowd-password")));

        List<HttpResponse<String>> answers = LoginBurst.send(server.getURI(), "username=crowd&password=crowd-password", LOGINS);
        answers.forEach(OpenApiContract.fromClasspath()::verify);

        assertThat(answers).hasSize(LOGINS).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{\"refresh\":");
        });
    }
}
