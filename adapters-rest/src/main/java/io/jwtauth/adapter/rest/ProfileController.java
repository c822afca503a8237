package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The tutorial's protected view: it greets whoever the bearer token speaks for. It runs on the thread the
 * authentication finished on: the event loop when the token's owner was in the user cache, the blocking pool when it
 * had to be looked up (see {@link AccessTokenAuthenticationFetcher}).
 */
@Controller("/api/profile")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class ProfileController {

    @Get("/")
    Greeting profile(AuthenticatedUser user) {
        return new Greeting("Hello, " + user.username().value());
    }
}
