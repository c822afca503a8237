package io.jwtauth.example.resourceserver;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** A protected route: any valid jwt-auth access token opens it; without one micronaut-security answers 401. */
@Controller("/api/whoami")
@Secured(SecurityRule.IS_AUTHENTICATED)
class WhoAmIController {

    /**
     * @param subject the token's {@code sub}, which micronaut-security makes the authentication's name
     * @param userId the token's {@code user_id}, simplejwt's name for the same id
     */
    @Serdeable
    record Identity(String subject, String userId) {
    }

    @Get
    Identity whoAmI(Authentication authentication) {
        return new Identity(authentication.getName(), String.valueOf(authentication.getAttributes().get("user_id")));
    }
}
