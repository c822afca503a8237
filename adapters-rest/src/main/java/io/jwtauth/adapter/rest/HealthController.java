package io.jwtauth.adapter.rest;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;

/**
 * Liveness for load balancers: the process is up and serving HTTP. It touches neither the database nor any key, so
 * it also serves as the benchmark's baseline for what the HTTP stack alone costs.
 */
@Controller("/api/health")
@Secured(SecurityRule.IS_ANONYMOUS)
final class HealthController {

    private static final Map<String, String> UP = Map.of("status", "ok");

    @Get("/")
    @Operation(summary = "Liveness: `{\"status\": \"ok\"}`; touches neither the database nor a key")
    @ApiResponse(responseCode = "200", description = "The process serves HTTP",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Status.class)))
    Map<String, String> live() {
        return UP;
    }
}
