package io.jwtauth.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.LoggerFactory;

/**
 * The entry point: with no arguments it serves HTTP; with arguments it runs one operator command and exits. A
 * server that cannot start (a weak signing key, say) logs why and exits with status 1; a configuration it refuses
 * ({@link StartupRefused}, e.g. the API port as management port) is one line without a stack trace.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(OperatorCommands.run(args));
        }
        new Server().args(args).mainClass(Application.class).banner(false).start();
    }

    /** Micronaut, except that a start refused for its configuration is logged as one line, then exit status 1. */
    private static final class Server extends Micronaut {

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof StartupRefused refused && !environment.getActiveNames().contains(Environment.TEST)) {
                    LoggerFactory.getLogger(Application.class).error("Refusing to start: {}", refused.getMessage());
                    System.exit(1);
                }
            }
            super.handleStartupException(environment, exception);
        }
    }
}
