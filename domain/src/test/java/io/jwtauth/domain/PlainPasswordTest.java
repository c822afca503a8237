package io.jwtauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PlainPasswordTest {

    @Test
    void neverShowsItself() {
        assertThat(new PlainPassword("hunter2").toString()).doesNotContain("hunter2");
        assertThat(new PasswordHash("$argon2id$secret").toString()).doesNotContain("secret");
    }

    @Test
    void aHashFitsItsColumn() {
        assertThat(new PasswordHash("h".repeat(PasswordHash.MAX_LENGTH)).encoded()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHash("h".repeat(PasswordHash.MAX_LENGTH + 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHash(" "));
    }

    @Test
    void isBoundedBeforeAnyHashing() {
        assertThat(new PlainPassword("p".repeat(PlainPassword.MAX_LENGTH)).value()).hasSize(4096);
        assertThatIllegalArgumentException().isThrownBy(() -> new PlainPassword("p".repeat(PlainPassword.MAX_LENGTH + 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlainPassword(""));
    }
}
