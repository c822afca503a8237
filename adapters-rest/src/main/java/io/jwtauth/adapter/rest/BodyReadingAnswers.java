package io.jwtauth.adapter.rest;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers that every token endpoint reading a body ({@link RequestFields}) shares, for the OpenAPI document:
 * 400 for a bad field or body, 413, 415, and 503. micronaut-openapi reads the {@code @ApiResponse}s of an annotation
 * on an operation as the operation's own; an operation's own {@code @ApiResponse} of the same status comes first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400", description = "A field missing, blank, null, of the wrong JSON type or too long (`{\"password\": [\"This field is required.\"]}`); malformed JSON or JSON that is not an object",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/BadRequest")))
@ApiResponse(responseCode = "413", description = "Body over 64 KiB, refused before it is read",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Detail.class)))
@ApiResponse(responseCode = "415", description = "Neither JSON nor a form in UTF-8",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Detail.class)))
@ApiResponse(responseCode = "503", description = "Database unreachable, or every password-hashing thread busy and its queue full (`service_unavailable`)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.CodedDetail.class)))
@interface BodyReadingAnswers {
}
