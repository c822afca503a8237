package io.jwtauth.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps users looked up by id for a short while, so that a protected request does not cost a database round trip.
 * Changes made through this instance are seen at once; changes made by another instance or the CLI are seen after at
 * most {@code maxAge}, the documented bound on how long a revoked access token may still pass elsewhere. Lookups by
 * name (login) always read the database. {@link #findByIdWithoutWaiting} answers from the same entries, so it obeys the
 * same bound, and never reads the database.
 */
public final class CachingUserStore implements UserStore {

    private final UserStore delegate;
    private final Cache<UserId, Optional<User>> byId;

    public CachingUserStore(UserStore delegate, Duration maxAge, long maxUsers) {
        this(delegate, maxAge, maxUsers, Ticker.systemTicker());
    }

    CachingUserStore(UserStore delegate, Duration maxAge, long maxUsers, Ticker ticker) {
        this.delegate = delegate;
        this.byId = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxUsers).ticker(ticker).build();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return byId.get(id, delegate::findById);
    }

    @Override
    public Optional<User> findByIdWithoutWaiting(UserId id) {
        Optional<User> cached = byId.getIfPresent(id);
        return cached == null ? Optional.empty() : cached;
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return delegate.findByUsername(username);
    }

    @Override
    public User add(Username username, PasswordHash passwordHash, boolean active, Instant now) {
        User user = delegate.add(username, passwordHash, active, now);
        byId.invalidate(user.id());
        return user;
    }

    @Override
    public void changePassword(UserId id, PasswordHash passwordHash, Instant now) {
        delegate.changePassword(id, passwordHash, now);
        byId.invalidate(id);
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        boolean replaced = delegate.replacePasswordHash(id, expected, replacement);
        byId.invalidate(id);
        return replaced;
    }

    @Override
    public void deactivate(UserId id, Instant now) {
        delegate.deactivate(id, now);
        byId.invalidate(id);
    }

    @Override
    public void activate(UserId id) {
        delegate.activate(id);
        byId.invalidate(id);
    }
}
