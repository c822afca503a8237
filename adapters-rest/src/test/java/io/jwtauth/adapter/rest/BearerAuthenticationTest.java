package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BearerAuthenticationTest {

    @Test
    void separatesWordsWhereJavasWhiteSpacePatternWould() {
        Pattern whiteSpace = Pattern.compile("\\s");
        for (char c = Character.MIN_VALUE; c < Character.MAX_VALUE; c++) {
            assertThat(BearerAuthentication.isSeparator(c)).as("U+%04X", (int) c)
                    .isEqualTo(whiteSpace.matcher(String.valueOf(c)).matches());
        }
    }
}
