package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;

/**
 * logback.xml keeps logging whatever LOG_FORMAT says (JSON in any case, anything unknown as text), and
 * JWT_AUTH_LOG_LEVEL reaches the framework's loggers only down to INFO.
 */
class LogFormatTest {

    @Test
    void theLogLevelSettingLeavesTheFrameworksRequestLinesOut() throws Exception {
        LoggerContext context = configuredWith("JWT_AUTH_LOG_LEVEL", "DEBUG");
        assertThat(context.getLogger("io.jwtauth.security").isDebugEnabled()).isTrue();
        // These log the request line, query string included, at DEBUG: a token a client sent there would show.
        assertThat(context.getLogger("io.micronaut.http.server.netty.RoutingInBoundHandler").isDebugEnabled())
                .isFalse();
        assertThat(context.getLogger("io.micronaut.context.event.ApplicationEventPublisher").isDebugEnabled())
                .isFalse();
        context.stop();

        // Quieter than INFO it reaches every logger: the operator commands print only their own lines.
        context = configuredWith("JWT_AUTH_LOG_LEVEL", "WARN");
        assertThat(context.getLogger("io.micronaut.flyway.AbstractFlywayMigration").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("io.jwtauth.security").isInfoEnabled()).isFalse();
        context.stop();
    }

    @Test
    void anyLogFormatLeavesTheRootLoggerAnAppender() throws Exception {
        for (String[] c : new String[][] {{"JSON", "json"}, {"json", "json"}, {"Text", "text"}, {"xml", "text"}}) {
            LoggerContext context = configuredWith("LOG_FORMAT", c[0]);
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertThat(root.getAppender(c[1])).as("LOG_FORMAT=" + c[0]).isNotNull();
            context.stop();
        }
    }

    /** A logger context configured from logback.xml with the system property {@code name} set to {@code value}. */
    private static LoggerContext configuredWith(String name, String value) throws JoranException {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            LoggerContext context = new LoggerContext();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            return context;
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }
}
