package io.jwtauth.domain.fake;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transparent, fast stand-in for a real hasher that counts how often passwords are hashed and checked. It makes
 * {@code fake$<password>} and also reads {@code legacy$<password>}, a scheme of the past that {@link #needsRehash}
 * wants replaced, and Django's {@code !} marker of an unusable password.
 */
public final class CountingPasswordHasher implements PasswordHasher {

    public static final String CURRENT = "fake$";
    public static final String LEGACY = "legacy$";

    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public PasswordHash hash(PlainPassword password) {
        hashes.incrementAndGet();
        return new PasswordHash(CURRENT + password.value());
    }

    @Override
    public boolean matches(PlainPassword password, PasswordHash hash) {
        checks.incrementAndGet();
        return hash.encoded().equals(CURRENT + password.value()) || hash.encoded().equals(LEGACY + password.value());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith(CURRENT);
    }

    @Override
    public boolean recognizes(PasswordHash hash) {
        return hash.encoded().startsWith(CURRENT) || hash.encoded().startsWith(LEGACY) || hash.encoded().startsWith("!");
    }

    public static PasswordHash legacyHashOf(String password) {
        return new PasswordHash(LEGACY + password);
    }

    public int hashes() {
        return hashes.get();
    }

    public int checks() {
        return checks.get();
    }
}
