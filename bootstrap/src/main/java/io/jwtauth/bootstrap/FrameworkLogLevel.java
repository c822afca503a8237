package io.jwtauth.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.PropertyDefinerBase;

/**
 * The level logback.xml gives every logger but jwt-auth's own: JWT_AUTH_LOG_LEVEL (system property, else environment
 * variable) when it is INFO or quieter, so that WARN quiets the framework too (the operator commands rely on it), and
 * INFO when it asks for more. At DEBUG, Micronaut and Netty log each request line with its query string, where a
 * client may have put a token; Micronaut's {@code logger.levels} settings still reach them, to debug the framework.
 */
public final class FrameworkLogLevel extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return levelFor(System.getProperty("JWT_AUTH_LOG_LEVEL", System.getenv("JWT_AUTH_LOG_LEVEL")));
    }

    /** The asked level if it is INFO or quieter, else (DEBUG, TRACE, ALL, unset, unknown) INFO. */
    static String levelFor(String asked) {
        Level level = Level.toLevel(asked, Level.INFO);
        return level.isGreaterOrEqual(Level.INFO) ? level.toString() : Level.INFO.toString();
    }
}
