package io.jwtauth.adapter.rest;

import io.jwtauth.application.PublishVerificationKeys;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify our tokens, for other services. Verifiers may cache
 * the set for {@link #MAX_AGE}; key rotation publishes a new key at least that long before it signs (see
 * docs/keys-and-rotation.md). With a shared secret there is nothing to publish, and the path does not exist.
 */
@Controller("/.well-known/jwks.json")
@Secured(SecurityRule.IS_ANONYMOUS)
final class JwksController {

    /** Short enough that a newly published key reaches every verifier within minutes of its announcement. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE.toSeconds();

    private final PublishVerificationKeys publishVerificationKeys;

    JwksController(PublishVerificationKeys publishVerificationKeys) {
        this.publishVerificationKeys = publishVerificationKeys;
    }

    @Get
    @Operation(summary = "The JSON Web Key Set (RFC 7517) of the public keys that verify our tokens")
    @ApiResponse(responseCode = "200", description = "`{\"keys\": [...]}`; RS, PS and ES algorithms only",
            headers = @Header(name = "Cache-Control", description = "`public, max-age=300`", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.JwkSet.class)))
    @ApiResponse(responseCode = "404", description = "HS algorithms: a shared secret is never published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Detail.class)))
    HttpResponse<Map<String, Object>> jwks() {
        return publishVerificationKeys.handle()
                .<HttpResponse<Map<String, Object>>>map(keys -> HttpResponse.ok(Map.<String, Object>of("keys", keys.keys()))
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL))
                .orElseGet(ErrorResponses::notFound);
    }
}
