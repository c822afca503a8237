package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.concurrent.CompletionStage;

/**
 * The tutorial's protected view: it greets whoever the bearer token speaks for. It runs on the event loop, since the
 * token's owner is nearly always in the user cache; {@link BearerAuthentication} moves the other requests to the
 * blocking pool, so that a database lookup never holds up the event loop.
 */
@Controller("/api/profile")
final class ProfileController {

    private final BearerAuthentication bearer;

    ProfileController(BearerAuthentication bearer) {
        this.bearer = bearer;
    }

    @Get("/")
    CompletionStage<Greeting> profile(HttpRequest<?> request) {
        return bearer.authenticateWithoutBlocking(request).thenApply(ProfileController::greeting);
    }

    private static Greeting greeting(AuthenticatedUser user) {
        return new Greeting("Hello, " + user.username().value());
    }
}
