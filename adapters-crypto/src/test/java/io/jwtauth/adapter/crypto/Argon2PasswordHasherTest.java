package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Few hashes on purpose: each one costs tens of milliseconds. */
class Argon2PasswordHasherTest {

    private static final PlainPassword PASSWORD = new PlainPassword("correct horse battery staple");

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashesWithArgon2idAndTheOwaspParametersAndChecksThePassword() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(hasher.matches(new PlainPassword("correct horse battery stapler"), hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not a hash",
            "$argon2id$v=19$m=19456,t=2,p=1$!!!!$!!!!",
            "$argon2id$v=19$m=0,t=0,p=0$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=19456,t=2$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA",
            "pbkdf2_sha256$870000$c29tZXNhbHQ$aGFzaA=="})
    void answersFalseForAHashItCannotRead(String garbled) {
        assertThat(hasher.matches(PASSWORD, new PasswordHash(garbled))).isFalse();
    }

    @Test
    void asksToUpgradeHashesMadeWithWeakerParameters() {
        PasswordHash fewerIterations = new Argon2PasswordHasher(19_456, 1, 1).hash(PASSWORD);
        PasswordHash lessMemory = new Argon2PasswordHasher(8_192, 2, 1).hash(PASSWORD);

        assertThat(hasher.needsRehash(fewerIterations)).isTrue();
        assertThat(hasher.needsRehash(lessMemory)).isTrue();
        assertThat(hasher.needsRehash(new PasswordHash("not a hash"))).isTrue();
        assertThat(hasher.matches(PASSWORD, fewerIterations)).as("older hashes still verify").isTrue();
    }

    @Test
    void recognizesArgon2InThePhcFormOnly() {
        assertThat(hasher.recognizes(hasher.hash(PASSWORD))).isTrue();
        assertThat(hasher.recognizes(new PasswordHash("$argon2i$v=19$m=512,t=2,p=2$c29tZXNhbHQ$aGFzaGhhc2g"))).isTrue();
        assertThat(hasher.recognizes(new PasswordHash("argon2$argon2id$v=19$m=512,t=2,p=2$c29tZXNhbHQ$aGFzaGhhc2g")))
                .as("Django's prefix is not the PHC form").isFalse();
        assertThat(hasher.recognizes(new PasswordHash("pbkdf2_sha256$870000$c29tZXNhbHQ$aGFzaA=="))).isFalse();
    }

    @Test
    void refusesParametersArgon2DoesNotAllow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(19_456, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(19_456, 2, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2PasswordHasher(7, 2, 1));
    }
}
