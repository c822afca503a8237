package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

/**
 * logback.xml keeps logging whatever LOG_FORMAT says (JSON in any case, anything unknown as text), and
 * JWT_AUTH_LOG_LEVEL reaches the framework's loggers only down to INFO.
 */
class LogFormatTest {

    @Test
    void theLogLevelSettingLeavesTheFrameworksRequestLinesOut() throws Exception {
        String before = System.getProperty("JWT_AUTH_LOG_LEVEL");
        try {
            System.setProperty("JWT_AUTH_LOG_LEVEL", "DEBUG");
            LoggerContext context = new LoggerContext();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            assertThat(context.getLogger("io.jwtauth.security").isDebugEnabled()).isTrue();
            // These log the request line, query string included, at DEBUG: a token a client sent there would show.
            assertThat(context.getLogger("io.micronaut.http.server.netty.RoutingInBoundHandler").isDebugEnabled())
                    .isFalse();
            assertThat(context.getLogger("io.micronaut.context.event.ApplicationEventPublisher").isDebugEnabled())
                    .isFalse();
            context.stop();

            // Quieter than INFO it reaches every logger: the operator commands print only their own lines.
            System.setProperty("JWT_AUTH_LOG_LEVEL", "WARN");
            context = new LoggerContext();
            configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            assertThat(context.getLogger("io.micronaut.flyway.AbstractFlywayMigration").isInfoEnabled()).isFalse();
            assertThat(context.getLogger("io.jwtauth.security").isInfoEnabled()).isFalse();
            context.stop();
        } finally {
            if (before == null) {
                System.clearProperty("JWT_AUTH_LOG_LEVEL");
            } else {
                System.setProperty("JWT_AUTH_LOG_LEVEL", before);
            }
        }
    }

    @Test
    void anyLogFormatLeavesTheRootLoggerAnAppender() throws Exception {
        String before = System.getProperty("LOG_FORMAT");
        try {
            for (String[] c : new String[][] {{"JSON", "json"}, {"json", "json"}, {"Text", "text"}, {"xml", "text"}}) {
                System.setProperty("LOG_FORMAT", c[0]);
                LoggerContext context = new LoggerContext();
                JoranConfigurator configurator = new JoranConfigurator();
                configurator.setContext(context);
                configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
                Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                assertThat(root.getAppender(c[1])).as("LOG_FORMAT=" + c[0]).isNotNull();
                context.stop();
            }
        } finally {
            if (before == null) {
                System.clearProperty("LOG_FORMAT");
            } else {
                System.setProperty("LOG_FORMAT", before);
            }
        }
    }
}
