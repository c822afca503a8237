package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * The tutorial's protected view: it greets whoever the bearer token speaks for. It runs on the thread the
 * authentication finished on: the event loop when the token's owner was in the user cache, the blocking pool when it
 * had to be looked up (see {@link AccessTokenAuthenticationFetcher}).
 */
@Controller("/api/profile")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class ProfileController {

    @Get("/")
    @Operation(summary = "The tutorial's protected view", security = @SecurityRequirement(name = ApiDocsController.BEARER))
    @ApiResponse(responseCode = "200", description = "`{\"message\": \"Hello, <username>\"}`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Greeting.class)))
    @ApiResponse(responseCode = "401", description = "No or bad credentials: `Authentication credentials were not provided.`, `bad_authorization_header`, `Given token not valid for any token type`, `user_not_found`, `user_inactive`, `password_changed`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.Detail.class, ApiSchemas.CodedDetail.class, ApiSchemas.TokenNotValidForAnyType.class})))
    @ApiResponse(responseCode = "503", description = "Database unreachable (`service_unavailable`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.CodedDetail.class)))
    Greeting profile(@Parameter(hidden = true) AuthenticatedUser user) {
        return new Greeting("Hello, " + user.username().value());
    }
}
