package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.JwkSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JWK member rules of what is published, moved here from the domain with the rules themselves. */
class PublishedJwkSetTest {

    private static Map<String, String> ecKey(String kid) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("kty", "EC");
        key.put("use", "sig");
        key.put("alg", "ES256");
        key.put("kid", kid);
        key.put("crv", "P-256");
        key.put("x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU");
        key.put("y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0");
        return key;
    }

    @Test
    void keepsTheKeysInTheirOrderAndCannotBeChangedAfterwards() {
        Map<String, String> first = ecKey("one");
        JwkSet set = PublishedJwkSet.of(List.of(first, ecKey("two")));
        first.put("kid", "changed");

        assertThat(set.keys()).extracting(key -> key.get("kid")).containsExactly("one", "two");
        assertThat(set.keys().get(0).keySet()).containsExactly("kty", "use", "alg", "kid", "crv", "x", "y");
        assertThatThrownBy(() -> set.keys().get(0).put("d", "secret")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.keys().add(ecKey("three"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
    void refusesEveryPrivateMemberWithoutShowingIt(String member) {
        Map<String, String> key = ecKey("one");
        key.put(member, "c2VjcmV0LWtleS1tYXRlcmlhbA");

        assertThatIllegalArgumentException().isThrownBy(() -> PublishedJwkSet.of(List.of(key)))
                .withMessageContaining("\"" + member + "\"")
                .withMessageNotContaining("c2VjcmV0LWtleS1tYXRlcmlhbA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kty", "kid", "use", "alg"})
    void refusesAKeyWithoutItsIdentifyingMembers(String member) {
        Map<String, String> missing = ecKey("one");
        missing.remove(member);
        Map<String, String> blank = ecKey("one");
        blank.put(member, " ");

        assertThatIllegalArgumentException().isThrownBy(() -> PublishedJwkSet.of(List.of(missing)));
        assertThatIllegalArgumentException().isThrownBy(() -> PublishedJwkSet.of(List.of(blank)));
    }

    @Test
    void refusesAKeyForAnythingButSignatures() {
        Map<String, String> key = ecKey("one");
        key.put("use", "enc");

        assertThatIllegalArgumentException().isThrownBy(() -> PublishedJwkSet.of(List.of(key)));
    }

    @Test
    void refusesTwoKeysWithOneKid() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublishedJwkSet.of(List.of(ecKey("one"), ecKey("one"))))
                .withMessageContaining("\"one\"");
    }

    @Test
    void refusesAnEmptySet() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublishedJwkSet.of(List.of()));
        assertThatThrownBy(() -> PublishedJwkSet.of(List.of(new HashMap<>()))).isInstanceOf(IllegalArgumentException.class);
    }
}
