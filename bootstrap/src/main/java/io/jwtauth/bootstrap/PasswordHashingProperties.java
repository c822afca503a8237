package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The {@code auth.password-hashing.*} settings: Argon2id's cost for new hashes (OWASP's recommendation by default;
 * raising it makes every older hash outdated, so each is replaced at its user's next successful login), and how many
 * hashes may run at once and wait in line. Defaults live in application.yml (see docs/configuration.md).
 */
@ConfigurationProperties("auth.password-hashing")
record PasswordHashingProperties(
        int memoryKib,
        int iterations,
        int parallelism,
        @Nullable Integer threads,
        int queue) {

    /** One hash per core by default: more threads would not hash faster, only hold more memory at once. */
    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
