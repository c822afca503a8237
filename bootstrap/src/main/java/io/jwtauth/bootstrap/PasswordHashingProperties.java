package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code auth.password-hashing.*} settings: Argon2id's cost for new hashes (OWASP's recommendation by default;
 * raising it makes every older hash outdated, so each is replaced at its user's next successful login), and how many
 * hashes may run at once and wait in line.
 */
@ConfigurationProperties("auth.password-hashing")
record PasswordHashingProperties(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism,
        @Nullable Integer threads,
        @Bindable(defaultValue = "64") int queue) {

    /** One hash per core by default: more threads would not hash faster, only hold more memory at once. */
    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
