package io.jwtauth.domain.port;

import java.time.Instant;

/** What the maintenance flush needs, like simplejwt's {@code flushexpiredtokens}: nothing else ever deletes a record. */
public interface ExpiredRefreshTokens {

    /** Deletes up to {@code limit} records that expired before {@code now}; returns how many it deleted. */
    int deleteExpired(Instant now, int limit);
}
