package io.jwtauth.bootstrap;

import io.micronaut.runtime.Micronaut;

/**
 * The entry point: with no arguments it serves HTTP; with arguments it runs one operator command and exits. A
 * server that cannot start (a weak signing key, say) logs why and exits with status 1.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(OperatorCommands.run(args));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
