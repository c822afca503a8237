package io.jwtauth.bootstrap;

/**
 * A configuration the server must not run with, found while it starts. {@link Application} logs its message as one
 * line, without a stack trace (the operator needs the setting, not our call stack), and exits with status 1.
 */
final class StartupRefused extends RuntimeException {

    StartupRefused(String message) {
        super(message, null, false, false);
    }
}
