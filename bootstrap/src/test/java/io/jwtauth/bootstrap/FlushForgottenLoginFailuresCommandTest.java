package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.port.LoginFailureStore;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An operator's cron job clears the tallies the throttle no longer counts, and only those. */
@MicronautTest(transactional = false)
class FlushForgottenLoginFailuresCommandTest {

    @Inject
    ApplicationContext context;
    @Inject
    LoginFailureStore loginFailures;

    @Test
    void deletesTalliesOlderThanForgetAfter() {
        ThrottleKey old = new ThrottleKey("account:old-" + UUID.randomUUID());
        ThrottleKey fresh = new ThrottleKey("account:fresh-" + UUID.randomUUID());
        loginFailures.add(old, Instant.now().minusSeconds(2 * 86_400), Instant.EPOCH);
        loginFailures.add(fresh, Instant.now(), Instant.EPOCH);

        StringWriter out = new StringWriter();
        CommandLine commandLine = OperatorCommands.commandLine(new MicronautFactory(context));
        commandLine.setOut(new PrintWriter(out, true));
        int exitCode = commandLine.execute("logins", "flush-forgotten");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).matches("Deleted [1-9]\\d* forgotten failed-login tall(y|ies)\\.\\s*");
        assertThat(loginFailures.find(old)).isEmpty();
        assertThat(loginFailures.find(fresh)).isPresent();
    }
}
