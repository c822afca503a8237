package io.jwtauth.adapter.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the lines logged under {@code io.jwtauth.http} while it is open. */
final class RefusalLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.jwtauth.http");
    private final Level level = logger.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    RefusalLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
    }

    List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }
}
