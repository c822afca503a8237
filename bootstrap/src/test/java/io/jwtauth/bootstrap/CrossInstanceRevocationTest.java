package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.adapter.persistence.CachingUserStore;
import io.jwtauth.application.CreateUser;
import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.Username;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: a deactivation made on one reaches the other's protected endpoints within the
 * configured user cache lifetime, without a database round trip per request in between.
 */
class CrossInstanceRevocationTest {

    private static final Map<String, Object> SHARED = Map.of(
            "datasources.default.url", "jdbc:h2:mem:cross-instance;DB_CLOSE_DELAY=-1",
            "auth.user-cache-ttl", "1s");

    @Test
    void aDeactivationOnOneInstanceIsHonouredByTheOtherWithinTheBound() throws Exception {
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, SHARED, "test");
             EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, SHARED, "test")) {
            a.getApplicationContext().getBean(CreateUser.class)
                    .handle(new CreateUser.Command(new Username("roaming"), new PlainPassword("mypassword")));
            String access = new Client(a.getURL()).login("roaming", "mypassword")[1];
            Client onB = new Client(b.getURL());
            assertThat(onB.get("/api/profile/", access).statusCode()).isEqualTo(200);

            a.getApplicationContext().getBean(SetUserActive.class)
                    .handle(new SetUserActive.Command(new Username("roaming"), false));

            assertThat(new Client(a.getURL()).get("/api/profile/", access).body()).contains("user_inactive");
            assertRefusedSoon(onB, access);
        }
    }

    @Test
    void aUserInSteadyUseStaysCachedAcrossLifetimesAndStillSeesChangesMadeElsewhere() throws Exception {
        Map<String, Object> threeSeconds = new HashMap<>(SHARED);
        threeSeconds.put("datasources.default.url", "jdbc:h2:mem:cross-instance-steady;DB_CLOSE_DELAY=-1");
        threeSeconds.put("auth.user-cache-ttl", "3s");
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, threeSeconds, "test");
             EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, threeSeconds, "test")) {
            a.getApplicationContext().getBean(CreateUser.class)
                    .handle(new CreateUser.Command(new Username("steady"), new PlainPassword("mypassword")));
            String access = new Client(a.getURL()).login("steady", "mypassword")[1];
            Client onB = new Client(b.getURL());

            Instant until = Instant.now().plus(Duration.ofSeconds(4));
            while (Instant.now().isBefore(until)) {
                assertThat(onB.get("/api/profile/", access).statusCode()).isEqualTo(200);
                Thread.sleep(50);
            }
            // Renewed in the background before each lifetime ran out: B looked the user up once, past a lifetime.
            assertThat(b.getApplicationContext().getBean(CachingUserStore.class).cache().stats().missCount())
                    .isEqualTo(1);

            a.getApplicationContext().getBean(SetUserActive.class)
                    .handle(new SetUserActive.Command(new Username("steady"), false));
            assertRefusedSoon(onB, access);
        }
    }

    /** The instance refuses the deactivated owner's token within 10 s: its cache lifetime and then some. */
    private static void assertRefusedSoon(Client instance, String access) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String seen = instance.get("/api/profile/", access).body();
        while (!seen.contains("user_inactive") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            seen = instance.get("/api/profile/", access).body();
        }
        assertThat(seen).contains("user_inactive");
    }
}
