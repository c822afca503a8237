package io.jwtauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @Test
    void normalizesToNfkcSoLookalikesAreOneName() {
        assertThat(new Username("ｍｙｕｓｅｒ")).isEqualTo(new Username("myuser"));
        assertThat(new Username("ﬁle")).isEqualTo(new Username("file"));
    }

    @Test
    void staysCaseSensitiveLikeDjango() {
        assertThat(new Username("MyUser")).isNotEqualTo(new Username("myuser"));
    }

    @Test
    void acceptsDjangosCharacters() {
        assertThat(new Username("a.b@c+d-e_f").value()).isEqualTo("a.b@c+d-e_f");
        assertThat(new Username("Zoë").value()).isEqualTo("Zoë");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "nul\u0000byte", "semi;colon", "quote'", "tab\t"})
    void refusesOtherCharacters(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Username(name));
    }

    @Test
    void refusesMoreThan150Characters() {
        assertThat(new Username("a".repeat(150)).value()).hasSize(150);
        assertThatIllegalArgumentException().isThrownBy(() -> new Username("a".repeat(151)));
    }
}
