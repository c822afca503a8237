package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.application.CreateUser;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduled flush on a table with many expired rows, and its switch. */
class ExpiredTokenFlushJobTest {

    @Test
    void deletesEveryExpiredRecordAndKeepsTheLiveOnes() {
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("datasources.default.url", "jdbc:h2:mem:flush-job;DB_CLOSE_DELAY=-1"), "test")) {
            RefreshTokenStore store = context.getBean(RefreshTokenStore.class);
            UserId owner = context.getBean(CreateUser.class)
                    .handle(new CreateUser.Command(new Username("flushed"), new PlainPassword("mypassword"))).id();
            Instant now = Instant.now();
            for (int i = 0; i < 2_500; i++) {
                store.record(token(i, owner, now.minusSeconds(60 + i)));
            }
            IssuedRefreshToken live = token(2_500, owner, now.plusSeconds(3_600));
            store.record(live);

            context.getBean(ExpiredTokenFlushJob.class).flush();

            assertThat(store.find(token(0, owner, now).id())).isEmpty();
            assertThat(store.find(token(2_499, owner, now).id())).isEmpty();
            assertThat(store.find(live.id())).isPresent();
            assertThat(store.deleteExpired(now, 10_000)).isZero();
        }
    }

    @Test
    void canBeSwitchedOff() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("auth.flush-expired-enabled", "false"), "test")) {
            assertThat(context.findBean(ExpiredTokenFlushJob.class)).isEmpty();
        }
    }

    private static IssuedRefreshToken token(int serial, UserId owner, Instant expiresAt) {
        return new IssuedRefreshToken(new TokenId(String.format("flush-%016d", serial)), owner,
                new FamilyId("family-flush-job-0001"), Optional.empty(), expiresAt);
    }
}
