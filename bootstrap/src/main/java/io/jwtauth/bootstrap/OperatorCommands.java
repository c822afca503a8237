package io.jwtauth.bootstrap;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The operator's command line, the counterpart of Django's {@code createsuperuser}, {@code changepassword} and
 * simplejwt's {@code flushexpiredtokens}, plus {@code keys generate} for key rotation. It shares the server's
 * configuration and database (which {@code keys} needs neither of), and may run while the server does.
 */
@Command(name = "jwt-auth", mixinStandardHelpOptions = true, versionProvider = OperatorCommands.Version.class,
        description = "Manage jwt-auth's users, tokens, login throttles and signing keys. Without arguments, jwt-auth serves HTTP.",
        subcommands = {UsersCommand.class, TokensCommand.class, LoginsCommand.class, KeysCommand.class})
final class OperatorCommands implements Runnable {

    private static final String LOG_LEVEL = "JWT_AUTH_LOG_LEVEL";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: users, tokens, logins or keys");
    }

    static int run(String... args) {
        quietLogging();
        if (args[0].equals("keys")) {
            return keys(args);
        }
        // The context starts only once a command needs a bean: --help and --version answer without it.
        try (CommandFactory factory = new CommandFactory()) {
            return commandLine(factory).execute(args);
        } catch (Exception failure) {
            System.err.println("jwt-auth: " + describe(failure));
            return 1;
        }
    }

    /** The command line on beans from {@code factory}, answering any failure with one line on standard error. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(OperatorCommands.class, factory).setExecutionExceptionHandler(OperatorCommands::oneLine);
    }

    /**
     * {@code keys} needs neither the configuration nor the database, so it runs without the application context:
     * a configuration being fixed during a key rotation cannot stop it, and starting it never generates the
     * embedded default's keys as a side effect.
     */
    private static int keys(String... args) {
        return new CommandLine(new KeysCommand())
                .setCommandName("jwt-auth keys")
                .setExecutionExceptionHandler(OperatorCommands::oneLine)
                .execute(Arrays.copyOfRange(args, 1, args.length));
    }

    private static int oneLine(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        commandLine.getErr().println("jwt-auth: " + describe(failure));
        return 1;
    }

    /**
     * An operator command answers in one line; start-up chatter stays out of it unless asked for. Set before the
     * first logger exists, since logback reads it once, from logback.xml.
     */
    private static void quietLogging() {
        if (System.getProperty(LOG_LEVEL) == null && System.getenv(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "WARN");
        }
    }

    /**
     * One line for the operator: the innermost cause says what is wrong (framework wrappers only say where).
     * Secrets never reach exception messages, so printing them is safe.
     */
    private static String describe(Throwable failure) {
        String message = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.strip().lines().findFirst().orElseThrow();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OperatorCommands.class.getPackage().getImplementationVersion();
            return new String[] {"jwt-auth " + (version == null ? "(development build)" : version)};
        }
    }
}
