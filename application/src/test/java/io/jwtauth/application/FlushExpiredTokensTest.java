package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlushExpiredTokensTest {

    private final Fixture fixture = new Fixture();

    @Test
    void deletesEveryExpiredRecordInBatchesAndKeepsTheLiveOnes() {
        Instant now = fixture.clock.instant();
        for (int i = 0; i < 2_500; i++) {
            record(i, now.minusSeconds(1 + i));
        }
        for (int i = 2_500; i < 2_510; i++) {
            record(i, now.plusSeconds(60));
        }

        long deleted = new FlushExpiredTokens(fixture.refreshTokens, fixture.clock, 1_000).handle();

        assertThat(deleted).isEqualTo(2_500);
        assertThat(fixture.refreshTokens.size()).isEqualTo(10);
    }

    private void record(int serial, Instant expiresAt) {
        fixture.refreshTokens.record(new IssuedRefreshToken(new TokenId(String.format("token-%016d", serial)),
                new UserId(1), new FamilyId("family-0000000001"), Optional.empty(), expiresAt));
    }
}
