package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Forward authentication for reverse proxies: nginx {@code auth_request}, Traefik ForwardAuth, Caddy
 * {@code forward_auth} and Envoy's HTTP ext_authz send the headers of each incoming request here, with any method and
 * any path below {@code /api/forward-auth/}, and let the request through only on a 2xx. The answer is 200 with an
 * empty body and the user in {@link #USER_ID} and {@link #USERNAME}, which the proxy copies onto the request it
 * forwards; without a valid access token, simplejwt's 401 with {@code WWW-Authenticate}, as on {@code /api/profile/}.
 *
 * <p>The original request's {@code Accept} and body types do not matter here: it consumes and produces anything. One
 * method per HTTP method: Micronaut routes a method by its first mapping annotation only. Methods beyond these seven
 * (WebDAV's {@code PROPFIND}, say) are answered 405; nginx, Traefik and Caddy ask with GET whatever the original
 * method.
 *
 * <p>It is exactly as strict and as cheap as the protected GET, being the same path: the authentication fetcher checks
 * the token, its owner, revocation by password change and deactivation, and answers on the event loop when the owner is
 * cached. The request's body is never read.
 *
 * <p>Every method answers alike, so the answers are documented once, here: micronaut-openapi adds a controller's
 * {@code @ApiResponse}s to each of its operations.
 */
@ApiResponse(responseCode = "200", description = "The token is valid; empty body", headers = {
        @Header(name = ForwardAuthController.USER_ID, description = "simplejwt's `user_id`", required = true, schema = @Schema(type = "string")),
        @Header(name = ForwardAuthController.USERNAME, description = "The username, percent-encoded UTF-8 when not ASCII", required = true,
                schema = @Schema(type = "string"))})
@ApiResponse(responseCode = "401", description = "No or bad credentials: `Authentication credentials were not provided.`, `bad_authorization_header`, `Given token not valid for any token type`, `user_not_found`, `user_inactive`, `password_changed`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.Detail.class, ApiSchemas.CodedDetail.class, ApiSchemas.TokenNotValidForAnyType.class})))
@ApiResponse(responseCode = "503", description = "Database unreachable (`service_unavailable`)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.CodedDetail.class)))
@Controller("/api/forward-auth")
@Consumes(MediaType.ALL)
@Produces(MediaType.ALL)
@Secured(SecurityRule.IS_AUTHENTICATED)
final class ForwardAuthController {

    /** The authenticated user's id (simplejwt's {@code user_id}, as a string). */
    static final String USER_ID = "X-Auth-User-Id";
    /**
     * The authenticated user's username; percent-encoded UTF-8 (RFC 3986) when it has characters outside ASCII, which a
     * header value cannot carry as they are. Usernames never contain {@code %} (Django's rules), so the encoding is
     * unambiguous, and an ASCII username is sent as it is.
     */
    static final String USERNAME = "X-Auth-Username";

    private static final String SUMMARY = "Forward authentication (any method): 200 with the user in headers, or 401";

    /** Also answers HEAD, as every GET route does. */
    @Get(uris = {"/", "/{+path}"})
    @Operation(summary = SUMMARY, security = @SecurityRequirement(name = ApiDocsController.BEARER))
    HttpResponse<Void> get(@Parameter(hidden = true) AuthenticatedUser user) {
        return allowed(user);
    }

    @Post(uris = {"/", "/{+path}"})
    @Operation(summary = SUMMARY, security = @SecurityRequirement(name = ApiDocsController.BEARER))
    HttpResponse<Void> post(@Parameter(hidden = true) AuthenticatedUser user) {
        return allowed(user);
    }

    @Put(uris = {"/", "/{+path}"})
    @Operation(summary = SUMMARY, security = @SecurityRequirement(name = ApiDocsController.BEARER))
    HttpResponse<Void> put(@Parameter(hidden = true) AuthenticatedUser user) {
        return allowed(user);
    }

    @Patch(uris = {"/", "/{+path}"})
    @Operation(summary = SUMMARY, security = @SecurityRequirement(name = ApiDocsController.BEARER))
    HttpResponse<Void> patch(@Parameter(hidden = true) AuthenticatedUser user) {
        return allowed(user);
    }

    @Delete(uris = {"/", "/{+path}"})
    @Operation(summary = SUMMARY, security = @SecurityRequirement(name = ApiDocsController.BEARER))
    HttpResponse<Void> delete(@Parameter(hidden = true) AuthenticatedUser user) {
        return allowed(user);
    }

    @Options(uris = {"/", "/{+path}"})
    @Operation(summary = SUMMARY, security = @SecurityRequirement(name = ApiDocsController.BEARER))
    HttpResponse<Void> options(@Parameter(hidden = true) AuthenticatedUser user) {
        return allowed(user);
    }

    private static HttpResponse<Void> allowed(AuthenticatedUser user) {
        return HttpResponse.<Void>ok()
                .header(USER_ID, user.id().asClaim())
                .header(USERNAME, headerSafe(user.username().value()));
    }

    /** Usernames hold no space, so {@link URLEncoder}'s form encoding is plain percent-encoding for them. */
    private static String headerSafe(String username) {
        for (int i = 0; i < username.length(); i++) {
            if (username.charAt(i) > 0x7e) {
                return URLEncoder.encode(username, StandardCharsets.UTF_8);
            }
        }
        return username;
    }
}
