package io.jwtauth.domain.port;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;

/**
 * Turns passwords into slow, salted hashes and checks passwords against them in constant time. New hashes use one
 * scheme with its current parameters; hashes of older parameters or other schemes (say, imported from Django) may
 * still be checked, and are replaced the next time their password is known.
 */
public interface PasswordHasher {

    PasswordHash hash(PlainPassword password);

    /** False also for a hash this hasher cannot read, and for a hash that marks an unusable password. */
    boolean matches(PlainPassword password, PasswordHash hash);

    /** Whether {@code hash} is not what {@link #hash} makes today (weaker parameters, another scheme). */
    boolean needsRehash(PasswordHash hash);

    /**
     * Whether {@code hash} has a form this hasher reads, including a marker of an unusable password, so that an import
     * can refuse hashes that would lock their users out without anybody noticing.
     */
    boolean recognizes(PasswordHash hash);
}
