package io.jwtauth.adapter.rest;

import io.jwtauth.application.Fixture;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The REST adapter served over HTTP, with the real use cases on in-memory fakes behind it. */
abstract class EndpointTest {

    static final String WWW_AUTHENTICATE = "Bearer realm=\"api\"";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixture fixture;

    Http http;
    User myuser;

    @BeforeEach
    void connectAndCreateTheTutorialsUser() {
        http = new Http(server.getURI(), json);
        myuser = fixture.users.findByUsername(new Username("myuser"))
                .orElseGet(() -> fixture.user("myuser", "mypassword"));
    }

    TokenPair login() {
        return fixture.loginAs("myuser", "mypassword");
    }

    static Map<String, Object> tokenNotValid(String detail) {
        return Map.of("detail", detail, "code", "token_not_valid");
    }
}
