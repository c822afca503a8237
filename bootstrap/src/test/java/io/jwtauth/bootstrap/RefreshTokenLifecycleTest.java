package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jwtauth.application.CreateUser;
import io.jwtauth.application.SetPassword;
import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The refresh-token lifecycle on the assembled service and its real database, under rotation with blacklisting. */
@MicronautTest(transactional = false)
@Property(name = "auth.rotate-refresh-tokens", value = "true")
@Property(name = "auth.blacklist-after-rotation", value = "true")
class RefreshTokenLifecycleTest {

    private static final String BLACKLISTED = "{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}";

    @Inject
    EmbeddedServer server;
    @Inject
    CreateUser createUser;
    @Inject
    SetPassword setPassword;
    @Inject
    SetUserActive setUserActive;
    @Property(name = "datasources.default.url")
    String databaseUrl;

    Client client;
    String name;
    User user;

    @BeforeEach
    void createUser() {
        client = new Client(server.getURL());
        name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        user = createUser.handle(new CreateUser.Command(new Username(name), new PlainPassword("mypassword")));
    }

    @Test
    void replayingAnExchangedRefreshTokenRevokesTheFamilyAndIsLoggedWithoutTokens() {
        ListAppender<ILoggingEvent> securityLog = new ListAppender<>();
        securityLog.start();
        ((Logger) LoggerFactory.getLogger("io.jwtauth.security")).addAppender(securityLog);
        String[] stolen = client.login(name, "mypassword");
        String exchanged = Client.field(client.form("/api/token/refresh/", "refresh=" + stolen[0]).body(), "refresh");
        // The victim moves on, so the replay below is reuse even within the grace period for lost answers.
        String victims = Client.field(client.form("/api/token/refresh/", "refresh=" + exchanged).body(), "refresh");

        assertThat(client.form("/api/token/refresh/", "refresh=" + stolen[0]).body()).isEqualTo(BLACKLISTED);

        assertThat(client.form("/api/token/refresh/", "refresh=" + victims).body()).isEqualTo(BLACKLISTED);
        assertThat(client.form("/api/token/verify/", "token=" + victims).body()).isEqualTo(BLACKLISTED);
        assertThat(securityLog.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("user_id=" + user.id().asClaim()).contains("family_id=")
                    .doesNotContain(stolen[0]).doesNotContain(victims).doesNotContain(stolen[0].split("\\.")[2]);
        });
    }

    @Test
    void aPasswordSetByTheOperatorEndsBothTokenTypesOnThisInstanceAtOnce() throws Exception {
        String[] pair = client.login(name, "mypassword");
        Client.untilNextSecond();

        setPassword.handle(new SetPassword.Command(new Username(name), new PlainPassword("n3w-password")));

        assertThat(client.get("/api/profile/", pair[1]).body()).contains("\"code\":\"password_changed\"");
        assertThat(client.form("/api/token/verify/", "token=" + pair[1]).body()).contains("\"code\":\"password_changed\"");
        assertThat(client.form("/api/token/refresh/", "refresh=" + pair[0]).body()).isEqualTo(BLACKLISTED);
    }

    @Test
    void deactivationEndsBothTokenTypesOnThisInstanceAtOnce() {
        String[] pair = client.login(name, "mypassword");

        setUserActive.handle(new SetUserActive.Command(new Username(name), false));

        assertThat(client.get("/api/profile/", pair[1]).body()).contains("\"code\":\"user_inactive\"");
        assertThat(client.form("/api/token/verify/", "token=" + pair[1]).body()).contains("\"code\":\"user_inactive\"");
        // simplejwt's answer for an inactive owner, although the token is revoked here as well.
        assertThat(client.form("/api/token/refresh/", "refresh=" + pair[0]).body())
                .isEqualTo("{\"detail\":\"No active account found for the given token.\"}");
    }

    @Test
    void theDatabaseHoldsNoTokenText() throws Exception {
        String[] pair = client.login(name, "mypassword");
        client.form("/api/token/refresh/", "refresh=" + pair[0]);

        List<String> values = new ArrayList<>();
        // A plain connection of its own, as someone with a copy of the database would read it.
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM refresh_tokens WHERE user_id = " + user.id().value())) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    values.add(String.valueOf(rows.getObject(column)));
                }
            }
        }
        assertThat(values).isNotEmpty();
        for (String part : (pair[0] + "." + pair[1]).split("\\.")) {
            assertThat(values).noneMatch(value -> value.contains(part));
        }
    }
}
