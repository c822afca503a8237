package io.jwtauth.bootstrap;

import io.jwtauth.application.FlushExpiredTokens;
import io.jwtauth.domain.StoreUnavailable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired refresh-token records every {@code auth.flush-expired-interval} while the server runs, so the table
 * does not grow with history. Instances may run it at the same moment: the store's batched deletes tolerate that.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
@Requires(property = "auth.flush-expired-enabled", notEquals = "false")
final class ExpiredTokenFlushJob {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenFlushJob.class);

    private final FlushExpiredTokens flushExpiredTokens;

    ExpiredTokenFlushJob(FlushExpiredTokens flushExpiredTokens) {
        this.flushExpiredTokens = flushExpiredTokens;
    }

    @Scheduled(fixedDelay = "${auth.flush-expired-interval}", initialDelay = "${auth.flush-expired-interval}")
    void flush() {
        try {
            long deleted = flushExpiredTokens.handle();
            if (deleted > 0) {
                LOG.info("Deleted {} expired refresh token record(s)", deleted);
            }
        } catch (StoreUnavailable unavailable) {
            LOG.warn("Skipped flushing expired refresh tokens: {}", unavailable.getMessage());
        }
    }
}
