package io.jwtauth.domain.port;

import java.time.Instant;

/** What the maintenance flush of failed-login tallies needs: nothing else deletes a tally. */
public interface ForgottenLoginFailures {

    /** Deletes up to {@code limit} tallies whose last failure was before {@code before}; returns how many it deleted. */
    int deleteLastFailedBefore(Instant before, int limit);
}
