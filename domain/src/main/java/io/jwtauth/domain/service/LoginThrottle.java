package io.jwtauth.domain.service;

import io.jwtauth.domain.FailedLogins;
import io.jwtauth.domain.LoginThrottlePolicy;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.port.LoginFailureTallies;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The check-and-count around every password check a client can trigger (login, and the signed-in password change):
 * refuse before the check while a key is closed, count a failure against every key after a wrong password, clear the
 * account's tally after a right one. The account key is a submitted username and meets the policy's account
 * threshold; the address key is a client address and meets the address threshold. The tallies live in a
 * {@link LoginFailureTallies} shared by every node.
 */
public final class LoginThrottle {

    private final LoginFailureTallies failures;
    private final LoginThrottlePolicy policy;

    public LoginThrottle(LoginFailureTallies failures, LoginThrottlePolicy policy) {
        this.failures = failures;
        this.policy = policy;
    }

    /**
     * Reads the tally of each key given (the account's first) and refuses with the longest wait among them.
     *
     * @throws LoginThrottled if either key has failed too often lately
     */
    public void requireOpen(Optional<ThrottleKey> account, Optional<ThrottleKey> address, Instant now) {
        Optional<Duration> accountWait = account.flatMap(key -> wait(key, policy.accountThreshold(), now));
        Optional<Duration> addressWait = address.flatMap(key -> wait(key, policy.addressThreshold(), now));
        Stream.of(accountWait, addressWait).flatMap(Optional::stream).max(Duration::compareTo).ifPresent(wait -> {
            throw new LoginThrottled(wait);
        });
    }

    /** Counts one failure at {@code now} against each key given, the account's first. */
    public void countFailure(Optional<ThrottleKey> account, Optional<ThrottleKey> address, Instant now) {
        Instant forgetBefore = policy.forgetBefore(now);
        account.ifPresent(key -> failures.add(key, now, forgetBefore));
        address.ifPresent(key -> failures.add(key, now, forgetBefore));
    }

    /**
     * Clears the account's tally after a right password. Only the account's: an attacker must not reset their address
     * by logging in to their own account.
     */
    public void clear(ThrottleKey account) {
        failures.reset(account);
    }

    private Optional<Duration> wait(ThrottleKey key, int threshold, Instant now) {
        Optional<FailedLogins> tally = failures.find(key);
        return policy.wait(tally, threshold, now);
    }
}
