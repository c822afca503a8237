package io.jwtauth.domain.fake;

import io.jwtauth.domain.FailedLogins;
import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.port.LoginFailureStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryLoginFailureStore implements LoginFailureStore {

    private final Map<ThrottleKey, FailedLogins> tallies = new ConcurrentHashMap<>();

    @Override
    public Optional<FailedLogins> find(ThrottleKey key) {
        return Optional.ofNullable(tallies.get(key));
    }

    @Override
    public FailedLogins add(ThrottleKey key, Instant now, Instant forgetBefore) {
        return tallies.merge(key, new FailedLogins(1, now), (old, one) -> old.lastFailureAt().isBefore(forgetBefore)
                ? one : new FailedLogins(old.count() + 1, now));
    }

    @Override
    public void reset(ThrottleKey key) {
        tallies.remove(key);
    }

    @Override
    public synchronized int deleteLastFailedBefore(Instant before, int limit) {
        var forgotten = tallies.entrySet().stream()
                .filter(entry -> entry.getValue().lastFailureAt().isBefore(before))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        forgotten.forEach(tallies::remove);
        return forgotten.size();
    }

    public int size() {
        return tallies.size();
    }
}
