package io.jwtauth.domain.fake;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.SecurityEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the reported events, for tests to read. */
public final class RecordingSecurityEvents implements SecurityEvents {

    public record Reuse(UserId user, FamilyId family, int revokedTokens) {
    }

    private final List<Reuse> reuses = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void loginSucceeded(UserId user) {
        events.add("login_succeeded user=" + user.asClaim());
    }

    @Override
    public void loginFailed(ClientAddress client) {
        events.add("login_failed client=" + client.value());
    }

    @Override
    public void loginThrottled(ClientAddress client, LoginThrottled refusal) {
        events.add("login_throttled client=" + client.value() + " wait=" + refusal.retryAfterSeconds());
    }

    @Override
    public void loginOverCapacity(ClientAddress client) {
        events.add("login_over_capacity client=" + client.value());
    }

    @Override
    public void refreshed(UserId user, boolean rotated) {
        events.add("refreshed user=" + user.asClaim() + " rotated=" + rotated);
    }

    @Override
    public void refreshTokenReused(UserId user, FamilyId family, int revokedTokens) {
        reuses.add(new Reuse(user, family, revokedTokens));
        events.add("refresh_token_reuse user=" + user.asClaim() + " revoked=" + revokedTokens);
    }

    @Override
    public void refreshTokenBlacklisted(UserId user) {
        events.add("refresh_token_blacklisted user=" + user.asClaim());
    }

    @Override
    public void allRefreshTokensRevoked(UserId user, int revokedTokens) {
        events.add("revoke_all user=" + user.asClaim() + " revoked=" + revokedTokens);
    }

    @Override
    public void passwordChanged(UserId user) {
        events.add("password_changed user=" + user.asClaim());
    }

    @Override
    public void passwordChangeFailed(UserId user) {
        events.add("password_change_failed user=" + user.asClaim());
    }

    @Override
    public void passwordChangeThrottled(UserId user, LoginThrottled refusal) {
        events.add("password_change_throttled user=" + user.asClaim() + " wait=" + refusal.retryAfterSeconds());
    }

    public List<Reuse> reuses() {
        return List.copyOf(reuses);
    }

    /** Every event reported, in order, as {@code name field=value…}. */
    public List<String> events() {
        return List.copyOf(events);
    }

    public void clear() {
        reuses.clear();
        events.clear();
    }
}
