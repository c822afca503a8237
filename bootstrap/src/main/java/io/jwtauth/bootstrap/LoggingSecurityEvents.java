package io.jwtauth.bootstrap;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.SecurityEvents;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as WARN lines under the logger {@code io.jwtauth.security}, so operators can route them to their
 * alerting apart from the rest. Ids only: a log must never hand out a usable token.
 */
@Singleton
final class LoggingSecurityEvents implements SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("io.jwtauth.security");

    @Override
    public void refreshTokenReused(UserId user, FamilyId family, int revokedTokens) {
        LOG.warn("Refresh token reuse detected: user_id={} family_id={}; revoked the family's {} active token(s)",
                user.asClaim(), family.value(), revokedTokens);
    }
}
