package io.jwtauth.adapter.crypto;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.port.PasswordHasher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes in the PHC text form, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, by Spring
 * Security's encoder on Bouncy Castle. The defaults are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1
 * lane); each hash records its own parameters, so raising them later still verifies the older hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private static final Pattern PHC_FORM =
            Pattern.compile("\\$argon2(id|i|d)\\$(v=\\d+\\$)?m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;

    private final Argon2PasswordEncoder encoder;

    public Argon2PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** @throws IllegalArgumentException for parameters Argon2 does not allow */
    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 needs at least 1 lane, 1 iteration and 8 KiB of memory per lane");
        }
        this.encoder = new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, parallelism, memoryKib, iterations);
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return new PasswordHash(encoder.encode(password.value()));
    }

    /** False also for a hash this hasher cannot read, such as one of another scheme or a damaged one. */
    @Override
    public boolean matches(PlainPassword password, PasswordHash hash) {
        try {
            return encoder.matches(password.value(), hash.encoded());
        } catch (RuntimeException e) {
            // Spring returns false for most malformed hashes, but impossible parameters fail deeper in Bouncy Castle.
            return false;
        }
    }

    /**
     * Whether {@code hash} was made with less memory or fewer iterations than now configured, so that it
     * should be replaced by a new hash the next time the password is known. A hash this hasher cannot read
     * counts as outdated.
     */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        try {
            return encoder.upgradeEncoding(hash.encoded());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Argon2 in the PHC form, any variant and parameters: what this hasher makes and what it can check. */
    @Override
    public boolean recognizes(PasswordHash hash) {
        return isPhcForm(hash.encoded());
    }

    static boolean isPhcForm(String encoded) {
        return PHC_FORM.matcher(encoded).matches();
    }
}
