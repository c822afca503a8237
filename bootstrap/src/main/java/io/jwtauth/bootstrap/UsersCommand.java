package io.jwtauth.bootstrap;

import io.jwtauth.application.CreateUser;
import io.jwtauth.application.ImportUser;
import io.jwtauth.application.SetPassword;
import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.PasswordHash;
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
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code users create | set-password | activate | deactivate | import-django}. Passwords are read, never printed;
 * neither are password hashes.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Create users, set passwords, (de)activate users, import users from Django.")
final class UsersCommand {

    // Providers, so that --help answers without opening the database.
    private final Provider<CreateUser> createUser;
    private final Provider<SetPassword> setPassword;
    private final Provider<SetUserActive> setUserActive;
    private final Provider<ImportUser> importUser;

    @Spec
    CommandSpec spec;

    @Inject
    UsersCommand(Provider<CreateUser> createUser, Provider<SetPassword> setPassword, Provider<SetUserActive> setUserActive,
                 Provider<ImportUser> importUser) {
        this.createUser = createUser;
        this.setPassword = setPassword;
        this.setUserActive = setUserActive;
        this.importUser = importUser;
    }

    @Command(name = "import-django", mixinStandardHelpOptions = true,
            description = {"Import the users of a Django dump (manage.py dumpdata auth.user > FILE) with their password "
                    + "hashes; they log in with their old passwords, which are re-hashed with Argon2id at the first login.",
                    "Users that exist already are skipped, so importing again is safe. Exits 1 if any record failed."})
    int importDjango(@Parameters(paramLabel = "FILE", description = "the JSON written by dumpdata") Path file,
                     @Option(names = "--progress-every", defaultValue = "1000", paramLabel = "N",
                             description = "report progress on standard error every N records (default: ${DEFAULT-VALUE})")
                     int progressEvery) throws IOException {
        if (progressEvery < 1) {
            throw new IllegalArgumentException("--progress-every must be at least 1");
        }
        DjangoImport tally = new DjangoImport();
        try (DjangoUserDump dump = DjangoUserDump.open(file)) {
            for (var entry = dump.next(); entry.isPresent(); entry = dump.next()) {
                tally.add(entry.get(), importUser.get());
                if (entry.get().number() % progressEvery == 0) {
                    err().printf("%d%% read, %s%n", dump.percentRead(), tally);
                }
            }
        } finally {
            out().printf("Imported from %s: %s.%n", file.getFileName(), tally);
        }
        return tally.failed() == 0 ? 0 : 1;
    }

    /** Counts the outcomes of an import and reports each failed record on standard error, without its hash. */
    private final class DjangoImport {
        private long created;
        private long skipped;
        private long failed;

        void add(DjangoUserDump.Entry entry, ImportUser importer) {
            if (entry instanceof DjangoUserDump.Bad bad) {
                fail(bad.number(), bad.pk(), bad.reason());
                return;
            }
            DjangoUserDump.UserRecord user = (DjangoUserDump.UserRecord) entry;
            ImportUser.Command command;
            try {
                command = new ImportUser.Command(new Username(user.username()), new PasswordHash(user.password()),
                        user.active());
            } catch (IllegalArgumentException invalid) {
                fail(user.number(), user.pk(), invalid.getMessage());
                return;
            }
            switch (importer.handle(command)) {
                case CREATED -> created++;
                case ALREADY_EXISTS -> skipped++;
                case UNREADABLE_HASH -> fail(user.number(), user.pk(),
                        "password hash of a scheme jwt-auth does not read (" + scheme(user.password()) + ")");
            }
        }

        private void fail(long number, String pk, String reason) {
            failed++;
            err().printf("record %d (pk %s) not imported: %s%n", number, pk, reason);
        }

        long failed() {
            return failed;
        }

        @Override
        public String toString() {
            return created + " created, " + skipped + " skipped (already there), " + failed + " failed";
        }
    }

    /** The scheme's name, the part of Django's hash before the first {@code $}; never the hash itself. */
    private static String scheme(String hash) {
        int dollar = hash.indexOf('$');
        String name = dollar < 0 ? "" : hash.substring(0, dollar);
        return name.matches("[a-z0-9_]{1,32}") ? name : "unrecognized format";
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

    private PrintWriter err() {
        return spec.commandLine().getErr();
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
