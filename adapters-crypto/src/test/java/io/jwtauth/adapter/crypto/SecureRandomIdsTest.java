package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.TokenId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecureRandomIdsTest {

    private final SecureRandomIds ids = new SecureRandomIds();

    @Test
    void makesIdsOf32LowercaseHexDigitsLikeUuid4Hex() {
        assertThat(ids.newTokenId().value()).matches("[0-9a-f]{32}");
        assertThat(ids.newFamilyId().value()).matches("[0-9a-f]{32}");
    }

    @Test
    void neverRepeatsItself() {
        assertThat(IntStream.range(0, 10_000).mapToObj(i -> ids.newTokenId()).map(TokenId::value))
                .doesNotHaveDuplicates();
    }
}
