package io.jwtauth.domain.fake;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.UsernameTaken;
import io.jwtauth.domain.port.UserStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryUserStore implements UserStore {

    private final Map<UserId, User> users = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean down;

    /** From now on every call fails as a store whose database cannot be reached, until {@link #recover()}. */
    public void goDown() {
        down = true;
    }

    public void recover() {
        down = false;
    }

    private void requireUp() {
        if (down) {
            throw new StoreUnavailable("user store is down", null);
        }
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        requireUp();
        return users.values().stream().filter(user -> user.username().equals(username)).findFirst();
    }

    @Override
    public Optional<User> findById(UserId id) {
        requireUp();
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized User add(Username username, PasswordHash passwordHash, boolean active, Instant now) {
        requireUp();
        if (findByUsername(username).isPresent()) {
            throw new UsernameTaken(username);
        }
        User user = new User(new UserId(sequence.incrementAndGet()), username, passwordHash, active, now);
        users.put(user.id(), user);
        return user;
    }

    @Override
    public void changePassword(UserId id, PasswordHash passwordHash, Instant now) {
        requireUp();
        users.computeIfPresent(id, (key, user) -> new User(user.id(), user.username(), passwordHash, user.active(), now));
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        requireUp();
        User current = users.get(id);
        return current != null && current.passwordHash().equals(expected)
                && users.replace(id, current, new User(id, current.username(), replacement, current.active(),
                        current.credentialsChangedAt()));
    }

    @Override
    public void deactivate(UserId id, Instant now) {
        requireUp();
        users.computeIfPresent(id, (key, user) -> new User(user.id(), user.username(), user.passwordHash(), false, now));
    }

    @Override
    public void activate(UserId id) {
        requireUp();
        users.computeIfPresent(id, (key, user) ->
                new User(user.id(), user.username(), user.passwordHash(), true, user.credentialsChangedAt()));
    }
}
