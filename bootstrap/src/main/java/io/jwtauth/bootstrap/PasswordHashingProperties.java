package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code auth.password-hashing.*} settings: Argon2id's cost for new hashes (OWASP's recommendation by default).
 * Raising them makes every older hash outdated, so each is replaced at its user's next successful login.
 */
@ConfigurationProperties("auth.password-hashing")
record PasswordHashingProperties(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism) {
}
