package io.jwtauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the domain keeps of a JWK Set: order, no change after the fact, at least one key. Member rules: the crypto adapter. */
class JwkSetTest {

    private static Map<String, String> key(String kid) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("kty", "EC");
        key.put("kid", kid);
        return key;
    }

    @Test
    void keepsTheKeysInTheirOrderAndCannotBeChangedAfterwards() {
        Map<String, String> first = key("one");
        JwkSet set = new JwkSet(List.of(first, key("two")));
        first.put("kid", "changed");

        assertThat(set.keys()).extracting(key -> key.get("kid")).containsExactly("one", "two");
        assertThat(set.keys().get(0).keySet()).containsExactly("kty", "kid");
        assertThatThrownBy(() -> set.keys().get(0).put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.keys().add(key("three"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAnEmptySet() {
        assertThatIllegalArgumentException().isThrownBy(() -> new JwkSet(List.of()));
    }
}
