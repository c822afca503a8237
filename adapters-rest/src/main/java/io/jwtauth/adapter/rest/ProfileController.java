package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The tutorial's protected view: it greets whoever the bearer token speaks for. */
@Controller("/api/profile")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProfileController {

    private final BearerAuthentication bearer;

    ProfileController(BearerAuthentication bearer) {
        this.bearer = bearer;
    }

    @Get("/")
    Greeting profile(HttpRequest<?> request) {
        AuthenticatedUser user = bearer.authenticate(request);
        return new Greeting("Hello, " + user.username().value());
    }
}
