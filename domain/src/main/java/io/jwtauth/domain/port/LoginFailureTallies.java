package io.jwtauth.domain.port;

import io.jwtauth.domain.FailedLogins;
import io.jwtauth.domain.ThrottleKey;
import java.time.Instant;
import java.util.Optional;

/**
 * What the login throttle reads and counts: tallies of failed logins, shared by every node, so throttling holds however
 * many instances serve logins.
 */
public interface LoginFailureTallies {

    Optional<FailedLogins> find(ThrottleKey key);

    /**
     * Counts one more failure at {@code now}, starting over if the last one was before {@code forgetBefore}, and
     * returns the new tally. Atomic: of concurrent calls for one key on any number of nodes, none is lost.
     */
    FailedLogins add(ThrottleKey key, Instant now, Instant forgetBefore);

    void reset(ThrottleKey key);
}
