package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help and version answer without Micronaut or a database; a command starts them when it first needs a bean, without
 * metrics.
 */
class CommandFactoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "users --help", "users create --help", "users set-password --help",
            "users activate --help", "users deactivate --help", "users import-django --help", "tokens flush-expired --help",
            "logins flush-forgotten --help"})
    void helpAndVersionAnswerWithoutStartingTheContext(String arguments) {
        StringWriter out = new StringWriter();
        try (CommandFactory factory = new CommandFactory()) {
            CommandLine commandLine = OperatorCommands.commandLine(factory);
            commandLine.setOut(new PrintWriter(out, true));

            int exitCode = commandLine.execute(arguments.split(" "));

            assertThat(exitCode).isZero();
            assertThat(out.toString()).containsAnyOf("Usage: jwt-auth", "jwt-auth ");
            assertThat(factory.started()).isFalse();
        }
    }

    @Test
    void aCommandStartsTheContextWhenItFirstNeedsABean() {
        StringWriter out = new StringWriter();
        try (CommandFactory factory = new CommandFactory()) {
            CommandLine commandLine = OperatorCommands.commandLine(factory);
            commandLine.setOut(new PrintWriter(out, true));

            int exitCode = commandLine.execute("tokens", "flush-expired");

            assertThat(exitCode).isZero();
            assertThat(out.toString()).startsWith("Deleted ");
            assertThat(factory.started()).isTrue();
            assertThat(factory.context().containsBean(PrometheusMeterRegistry.class)).isFalse();
        }
    }

    /** A deployment's management port setting reaches the commands too: they open no port, so it is not checked. */
    @Test
    void aCommandIgnoresTheManagementPort() {
        System.setProperty(ManagementPortRoutes.PORT, "9464");
        try (CommandFactory factory = new CommandFactory()) {
            int exitCode = OperatorCommands.commandLine(factory).execute("tokens", "flush-expired");

            assertThat(exitCode).isZero();
            assertThat(factory.context().getProperty(ManagementPortRoutes.PORT, Integer.class)).hasValue(9464);
            assertThat(factory.context().containsBean(ManagementPortCheck.class)).isFalse();
        } finally {
            System.clearProperty(ManagementPortRoutes.PORT);
        }
    }
}
