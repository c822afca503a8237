package io.jwtauth.domain.fake;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A transparent, fast stand-in for a real hasher that counts how often passwords are checked. */
public final class CountingPasswordHasher implements PasswordHasher {

    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public PasswordHash hash(PlainPassword password) {
        hashes.incrementAndGet();
        return new PasswordHash("fake$" + password.value());
    }

    @Override
    public boolean matches(PlainPassword password, PasswordHash hash) {
        checks.incrementAndGet();
        return hash.encoded().equals("fake$" + password.value());
    }

    public int hashes() {
        return hashes.get();
    }

    public int checks() {
        return checks.get();
    }
}
