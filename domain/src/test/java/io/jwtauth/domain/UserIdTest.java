package io.jwtauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @Test
    void readsAndWritesTheDecimalClaim() {
        assertThat(UserId.parse("42")).isEqualTo(new UserId(42));
        assertThat(new UserId(42).asClaim()).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "042", "1.0", " 1", "abc", "99999999999999999999", "١"})
    void refusesAnythingButAPositiveCanonicalDecimal(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> UserId.parse(text));
    }
}
