package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BearerCredentialsTest {

    @Test
    void separatesWordsWhereJavasWhiteSpacePatternWould() {
        Pattern whiteSpace = Pattern.compile("\\s");
        for (char c = Character.MIN_VALUE; c < Character.MAX_VALUE; c++) {
            assertThat(BearerCredentials.isSeparator(c)).as("U+%04X", (int) c)
                    .isEqualTo(whiteSpace.matcher(String.valueOf(c)).matches());
        }
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
            assertThat(BearerCredentials.token(List.of(scheme + " abc.def.ghi"))).as(scheme).contains("abc.def.ghi");
        }
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoCredentials() {
        assertThat(BearerCredentials.token(List.of())).isEmpty();
        for (String header : List.of("", "   ", "Token abc", "Basic bXl1c2VyOm15cGFzc3dvcmQ=", "Bearerabc", "Bearer-x abc",
                "Bearer\u00a0abc", "Beare abc")) {
            assertThat(BearerCredentials.token(List.of(header))).as("[%s]", header).isEmpty();
        }
    }

    @Test
    void aBearerHeaderWithoutExactlyOneTokenIsMalformed() {
        for (String header : List.of("Bearer", "bearer  ", "Bearer a b", "BEARER a\tb", "Bearer\ta  b")) {
            assertThatThrownBy(() -> BearerCredentials.token(List.of(header))).as("[%s]", header)
                    .isInstanceOfSatisfying(NotAuthenticated.class, e ->
                            assertThat(e.reason()).isEqualTo(NotAuthenticated.Reason.BAD_AUTHORIZATION_HEADER));
        }
    }

    @Test
    void twoAuthorizationFieldsAreAmbiguousAndRefused() {
        assertThatThrownBy(() -> BearerCredentials.token(List.of("Bearer abc", "Bearer abc")))
                .isInstanceOfSatisfying(NotAuthenticated.class, e ->
                        assertThat(e.reason()).isEqualTo(NotAuthenticated.Reason.BAD_AUTHORIZATION_HEADER));
        assertThatThrownBy(() -> BearerCredentials.token(List.of("Basic eA==", "Bearer abc")))
                .isInstanceOf(NotAuthenticated.class);
    }
}
