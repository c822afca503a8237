package io.jwtauth.bootstrap;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.SecurityEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Security events as counters for Prometheus and as log lines under the logger {@code io.jwtauth.security}, so
 * operators can route them to their alerting apart from the rest. Each line carries the event's fields twice: in its
 * text ({@code user_id=7 family_id=…}) for plain logs, and as SLF4J key/value pairs, which the JSON log format writes
 * as fields (docs/observability.md). What may need action (reuse, throttling, capacity) is WARN; logins, logouts,
 * revocations and password changes INFO; refreshes, the most frequent, DEBUG. Ids and client addresses only: a log must
 * never hand out a usable token, a password or a hash.
 */
@Singleton
final class ReportedSecurityEvents implements SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("io.jwtauth.security");

    private final Counter loginsSucceeded;
    private final Counter loginsFailed;
    private final Counter loginsThrottled;
    private final Counter loginsOverCapacity;
    private final Counter refreshes;
    private final Counter rotations;
    private final Counter reuses;
    private final Counter blacklisted;
    private final Counter revokeAll;
    private final Counter passwordChanges;
    private final Counter passwordChangesWrongOldPassword;
    private final Counter passwordChangesThrottled;

    ReportedSecurityEvents(MeterRegistry registry) {
        String logins = "jwt.auth.logins";
        String loginsHelp = "Logins by outcome: success, invalid_credentials (unknown or inactive user, wrong password), "
                + "throttled (429), over_capacity (503, password hashing full)";
        loginsSucceeded = counter(registry, logins, loginsHelp, "outcome", "success");
        loginsFailed = counter(registry, logins, loginsHelp, "outcome", "invalid_credentials");
        loginsThrottled = counter(registry, logins, loginsHelp, "outcome", "throttled");
        loginsOverCapacity = counter(registry, logins, loginsHelp, "outcome", "over_capacity");
        String refreshesHelp = "Refresh tokens exchanged; rotated=true when a new refresh token came with the access token";
        refreshes = counter(registry, "jwt.auth.refreshes", refreshesHelp, "rotated", "false");
        rotations = counter(registry, "jwt.auth.refreshes", refreshesHelp, "rotated", "true");
        reuses = counter(registry, "jwt.auth.refresh.token.reuse", "Exchanged refresh tokens presented again: each "
                + "revoked its whole token family (RFC 9700 4.14.2)");
        blacklisted = counter(registry, "jwt.auth.refresh.token.blacklisted", "Logouts: refresh tokens blacklisted");
        revokeAll = counter(registry, "jwt.auth.revoke.all", "Logouts everywhere: every refresh token of a user revoked");
        // Its own counter rather than the login outcomes: these are not logins at /api/token/, and what they share with
        // logins (the account's throttle) is what the LoginThrottling alert adds up (docs/observability.md).
        String changes = "jwt.auth.password.changes";
        String changesHelp = "Password changes through the API by outcome: success, wrong_old_password (400, counts "
                + "against the account's login throttle), throttled (429)";
        passwordChanges = counter(registry, changes, changesHelp, "outcome", "success");
        passwordChangesWrongOldPassword = counter(registry, changes, changesHelp, "outcome", "wrong_old_password");
        passwordChangesThrottled = counter(registry, changes, changesHelp, "outcome", "throttled");
    }

    private static Counter counter(MeterRegistry registry, String name, String help, String... tags) {
        return Counter.builder(name).description(help).tags(tags).register(registry);
    }

    @Override
    public void loginSucceeded(UserId user) {
        loginsSucceeded.increment();
        report(Level.INFO, "Login succeeded", "login_succeeded", "user_id", user.asClaim());
    }

    @Override
    public void loginFailed(ClientAddress client) {
        loginsFailed.increment();
        report(Level.INFO, "Login failed", "login_failed", "client", client.value());
    }

    @Override
    public void loginThrottled(ClientAddress client, LoginThrottled refusal) {
        loginsThrottled.increment();
        report(Level.WARN, "Login throttled after repeated failures", "login_throttled",
                "client", client.value(), "retry_after_seconds", refusal.retryAfterSeconds());
    }

    @Override
    public void loginOverCapacity(ClientAddress client) {
        loginsOverCapacity.increment();
        report(Level.WARN, "Login refused: every password-hashing thread is busy and the queue is full",
                "login_over_capacity", "client", client.value());
    }

    @Override
    public void refreshed(UserId user, boolean rotated) {
        (rotated ? rotations : refreshes).increment();
        report(Level.DEBUG, "Refresh token exchanged", "refreshed", "user_id", user.asClaim(), "rotated", rotated);
    }

    @Override
    public void refreshTokenReused(UserId user, FamilyId family, int revokedTokens) {
        reuses.increment();
        report(Level.WARN, "Refresh token reuse detected; revoked the family's active tokens", "refresh_token_reuse",
                "user_id", user.asClaim(), "family_id", family.value(), "revoked_tokens", revokedTokens);
    }

    @Override
    public void refreshTokenBlacklisted(UserId user) {
        blacklisted.increment();
        report(Level.INFO, "Refresh token blacklisted (logout)", "refresh_token_blacklisted", "user_id", user.asClaim());
    }

    @Override
    public void allRefreshTokensRevoked(UserId user, int revokedTokens) {
        revokeAll.increment();
        report(Level.INFO, "Every refresh token of the user revoked (logout everywhere)", "revoke_all",
                "user_id", user.asClaim(), "revoked_tokens", revokedTokens);
    }

    @Override
    public void passwordChanged(UserId user) {
        passwordChanges.increment();
        report(Level.INFO, "Password changed; every earlier token of the user revoked", "password_changed",
                "user_id", user.asClaim());
    }

    @Override
    public void passwordChangeFailed(UserId user) {
        passwordChangesWrongOldPassword.increment();
        report(Level.INFO, "Password change refused: wrong old password", "password_change_failed",
                "user_id", user.asClaim());
    }

    @Override
    public void passwordChangeThrottled(UserId user, LoginThrottled refusal) {
        passwordChangesThrottled.increment();
        report(Level.WARN, "Password change throttled after repeated wrong old passwords", "password_change_throttled",
                "user_id", user.asClaim(), "retry_after_seconds", refusal.retryAfterSeconds());
    }

    /** One line: the text with {@code key=value} for each field, and the event and fields as key/value pairs. */
    private static void report(Level level, String text, String event, Object... fields) {
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        StringBuilder message = new StringBuilder(text).append(':');
        LoggingEventBuilder line = LOG.atLevel(level).addKeyValue("event", event);
        for (int i = 0; i < fields.length; i += 2) {
            message.append(' ').append(fields[i]).append('=').append(fields[i + 1]);
            line = line.addKeyValue((String) fields[i], fields[i + 1]);
        }
        line.setMessage(message.toString()).log();
    }
}
