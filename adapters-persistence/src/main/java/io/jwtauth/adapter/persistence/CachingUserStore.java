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
 * name (login) always read the database.
 *
 * <p>{@link #holds} tells a caller that must not wait (an event loop) whether a lookup by id will be answered from
 * memory. It is not a port method: which thread may wait is the inbound adapter's business, and bootstrap hands it this
 * question directly.
 */
public final class CachingUserStore implements UserStore {

    /** How long an entry must still have to live for {@link #holds} to vouch for it. */
    static final Duration HOLD_MARGIN = Duration.ofSeconds(1);

    private final UserStore delegate;
    private final Duration maxAge;
    private final Cache<UserId, Optional<User>> byId;

    public CachingUserStore(UserStore delegate, Duration maxAge, long maxUsers) {
        this(delegate, maxAge, maxUsers, Ticker.systemTicker());
    }

    CachingUserStore(UserStore delegate, Duration maxAge, long maxUsers, Ticker ticker) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.byId = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxUsers).ticker(ticker)
                .recordStats().build();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return byId.get(id, delegate::findById);
    }

    /**
     * Whether {@link #findById} will answer from memory: the entry is cached (a known user or a known absence) and will
     * not expire within {@link #HOLD_MARGIN}. The margin covers the moment between this answer and the lookup, so that
     * an entry does not expire in between, short of a pause of the whole process longer than the margin.
     */
    public boolean holds(UserId id) {
        Duration age = byId.policy().expireAfterWrite().flatMap(expiry -> expiry.ageOf(id)).orElse(null);
        return age != null && age.compareTo(maxAge.minus(HOLD_MARGIN)) < 0;
    }

    /** The cache of users by id, with its hit and miss statistics, for metrics (Micrometer's Caffeine binder). */
    public Cache<?, ?> cache() {
        return byId;
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
