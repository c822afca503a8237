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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps users looked up by id for a short while, so that a protected request does not cost a database round trip.
 * Changes made through this instance are seen at once; changes made by another instance or the CLI are seen after at
 * most {@code maxAge}, the documented bound on how long a revoked access token may still pass elsewhere. Lookups by
 * name (login) always read the database.
 *
 * <p>{@link #holds} tells a caller that must not wait (an event loop) whether a lookup by id will be answered from
 * memory. It is not a port method: which thread may wait is the inbound adapter's business, and bootstrap hands it this
 * question directly. A user asked about keeps being held: once its entry is past {@link #refreshAge(Duration) the renewal age}, the question
 * starts one read of the database on the refresh executor, whose answer replaces the entry and restarts its age, so
 * the entry is renewed before {@code holds} stops vouching for it and a steady stream of protected requests never
 * leaves the event loop. The renewal is Caffeine's {@code refreshAfterWrite} done by hand for two reasons: it is
 * started by {@code holds}, which reads no entry, and a renewal that fails (the database is away) is dropped
 * quietly, the entry then expiring at {@code maxAge} as it would have, where Caffeine logs each failed refresh.
 */
public final class CachingUserStore implements UserStore {

    /** How long an entry must still have to live for {@link #holds} to vouch for it. */
    static final Duration HOLD_MARGIN = Duration.ofSeconds(1);

    private final UserStore delegate;
    private final Duration maxAge;
    private final Duration refreshAge;
    private final Executor refreshExecutor;
    private final Cache<UserId, Lookup> byId;
    /** The users whose renewal is under way: at most one read per user at a time. */
    private final Set<UserId> renewing = ConcurrentHashMap.newKeySet();

    /**
     * @param maxAge          how long an entry is used at most, the bound on staleness
     * @param maxUsers        how many users are kept at most
     * @param refreshExecutor where renewals read the database: a pool that may wait on it
     */
    public CachingUserStore(UserStore delegate, Duration maxAge, long maxUsers, Executor refreshExecutor) {
        this(delegate, maxAge, maxUsers, refreshExecutor, Ticker.systemTicker());
    }

    CachingUserStore(UserStore delegate, Duration maxAge, long maxUsers, Executor refreshExecutor, Ticker ticker) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.refreshAge = refreshAge(maxAge);
        this.refreshExecutor = refreshExecutor;
        this.byId = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxUsers).ticker(ticker)
                .recordStats().build();
    }

    /**
     * The age from which a held entry is renewed: one {@link #HOLD_MARGIN} before {@link #holds} stops vouching for it
     * (3 s of the default 5 s), so the renewal has a whole margin to land, but never before half the maximum age, so
     * that a short maximum age does not turn into a read on every request.
     */
    static Duration refreshAge(Duration maxAge) {
        Duration beforeTheMargin = maxAge.minus(HOLD_MARGIN).minus(HOLD_MARGIN);
        Duration half = maxAge.dividedBy(2);
        return beforeTheMargin.compareTo(half) > 0 ? beforeTheMargin : half;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return byId.get(id, this::lookUp).user();
    }

    /**
     * Whether {@link #findById} will answer from memory: the entry is cached (a known user or a known absence) and will
     * not expire within {@link #HOLD_MARGIN}. The margin covers the moment between this answer and the lookup, so that
     * an entry does not expire in between, short of a pause of the whole process longer than the margin. An entry past
     * {@link #refreshAge(Duration)} is renewed in the background (see the class comment); the answer is about the entry
     * as it is now.
     */
    public boolean holds(UserId id) {
        Duration age = byId.policy().expireAfterWrite().flatMap(expiry -> expiry.ageOf(id)).orElse(null);
        if (age == null) {
            return false;
        }
        if (age.compareTo(refreshAge) >= 0) {
            renew(id);
        }
        return age.compareTo(maxAge.minus(HOLD_MARGIN)) < 0;
    }

    private void renew(UserId id) {
        if (!renewing.add(id)) {
            return;
        }
        // Through the map view, which counts in no statistics: a renewal is not a lookup.
        Lookup held = byId.asMap().get(id);
        if (held == null) {
            renewing.remove(id);
            return;
        }
        try {
            refreshExecutor.execute(() -> {
                try {
                    // Only over the very entry it renews (a Lookup is equal to itself alone): an entry invalidated
                    // meanwhile (a change through this instance) or loaded again stays as it is, so a read that raced
                    // a change cannot bring back old data.
                    byId.asMap().replace(id, held, lookUp(id));
                } catch (RuntimeException unavailable) {
                    // The entry expires at its time, and the lookup that then reads the database reports the failure.
                } finally {
                    renewing.remove(id);
                }
            });
        } catch (RejectedExecutionException full) {
            renewing.remove(id);
        }
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

    private Lookup lookUp(UserId id) {
        return new Lookup(delegate.findById(id));
    }

    /** One read of the database: a user, or its known absence. Equal only to itself, on purpose (see renew). */
    private static final class Lookup {
        private final Optional<User> user;

        Lookup(Optional<User> user) {
            this.user = user;
        }

        Optional<User> user() {
            return user;
        }
    }
}
