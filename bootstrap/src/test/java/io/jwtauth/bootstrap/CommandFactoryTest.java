package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help and version answer without Micronaut or a database; a command starts them when it first needs a bean. */
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
        }
    }
}
