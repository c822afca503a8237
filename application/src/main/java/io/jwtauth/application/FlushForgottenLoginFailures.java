package io.jwtauth.application;

import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.port.ForgottenLoginFailures;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes the failed-login tallies that the throttle has forgotten anyway (last failure older than its forget-after),
 * so that names an attacker sprayed once do not stay in the database forever. Bounded batches, like
 * {@link FlushExpiredTokens}.
 */
public final class FlushForgottenLoginFailures {

    private final ForgottenLoginFailures store;
    private final LoginThrottlePolicy policy;
    private final Clock clock;
    private final BatchedDeletion batches;

    public FlushForgottenLoginFailures(ForgottenLoginFailures store, LoginThrottlePolicy policy, Clock clock, int batchSize) {
        this.batches = new BatchedDeletion(batchSize);
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    /** Returns how many tallies it deleted. */
    public long handle() {
        Instant before = policy.forgetBefore(clock.instant());
        return batches.deleteAll(limit -> store.deleteLastFailedBefore(before, limit));
    }
}
