package io.jwtauth.bootstrap;

import io.jwtauth.application.FlushForgottenLoginFailures;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code logins flush-forgotten}: table hygiene for the login throttle, for a daily cron job. */
@Command(name = "logins", mixinStandardHelpOptions = true, description = "Maintain the failed-login tallies of the throttle.")
final class LoginsCommand {

    private final Provider<FlushForgottenLoginFailures> flushForgotten;

    @Spec
    CommandSpec spec;

    @Inject
    LoginsCommand(Provider<FlushForgottenLoginFailures> flushForgotten) {
        this.flushForgotten = flushForgotten;
    }

    @Command(name = "flush-forgotten", mixinStandardHelpOptions = true,
            description = "Delete the failed-login tallies older than auth.login-throttle.forget-after, which no longer count.")
    int flushForgotten() {
        long deleted = flushForgotten.get().handle();
        spec.commandLine().getOut().printf("Deleted %d forgotten failed-login tall%s.%n", deleted, deleted == 1 ? "y" : "ies");
        return 0;
    }
}
