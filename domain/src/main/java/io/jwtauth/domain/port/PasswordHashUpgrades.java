package io.jwtauth.domain.port;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.UserId;

/** What a successful login needs to replace an outdated hash, the one moment the password is known. */
public interface PasswordHashUpgrades {

    /**
     * Replaces the hash only if it is still {@code expected}: a rehash at login must not undo a password an operator
     * set in the meantime. The password is the same, so tokens stay valid. Returns whether it replaced it.
     */
    boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement);
}
