package io.jwtauth.bootstrap;

import io.jwtauth.application.CreateUser;
import io.jwtauth.application.SetPassword;
import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users create | set-password | activate | deactivate}. Passwords are read, never printed. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Create users, set passwords, (de)activate users.")
final class UsersCommand {

    // Providers, so that --help answers without opening the database.
    private final Provider<CreateUser> createUser;
    private final Provider<SetPassword> setPassword;
    private final Provider<SetUserActive> setUserActive;

    @Spec
    CommandSpec spec;

    @Inject
    UsersCommand(Provider<CreateUser> createUser, Provider<SetPassword> setPassword, Provider<SetUserActive> setUserActive) {
        this.createUser = createUser;
        this.setPassword = setPassword;
        this.setUserActive = setUserActive;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an active user.")
    int create(@Parameters(paramLabel = "NAME", description = "the username") String name,
               @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
               boolean passwordFromStdin) throws IOException {
        Username username = new Username(name);
        User user = createUser.get().handle(new CreateUser.Command(username, readPassword(passwordFromStdin)));
        out().printf("Created user '%s' (id %d).%n", user.username(), user.id().value());
        return 0;
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true, description = "Set a user's password.")
    int changePassword(@Parameters(paramLabel = "NAME", description = "the username") String name,
                       @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
                       boolean passwordFromStdin) throws IOException {
        Username username = new Username(name);
        setPassword.get().handle(new SetPassword.Command(username, readPassword(passwordFromStdin)));
        out().printf("Password changed for '%s'.%n", username);
        return 0;
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Let a user log in again.")
    int activate(@Parameters(paramLabel = "NAME", description = "the username") String name) {
        return setActive(name, true);
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Stop a user from logging in and from using tokens.")
    int deactivate(@Parameters(paramLabel = "NAME", description = "the username") String name) {
        return setActive(name, false);
    }

    private int setActive(String name, boolean active) {
        Username username = new Username(name);
        setUserActive.get().handle(new SetUserActive.Command(username, active));
        out().printf("%s '%s'.%n", active ? "Activated" : "Deactivated", username);
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static PlainPassword readPassword(boolean fromStdin) throws IOException {
        if (fromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return new PlainPassword(line);
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password; pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password (again): ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the passwords do not match");
            }
            return new PlainPassword(new String(first));
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
