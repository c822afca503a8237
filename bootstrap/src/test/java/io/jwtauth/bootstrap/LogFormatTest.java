package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

/** logback.xml keeps logging whatever LOG_FORMAT says: JSON in any case, anything unknown as text. */
class LogFormatTest {

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
