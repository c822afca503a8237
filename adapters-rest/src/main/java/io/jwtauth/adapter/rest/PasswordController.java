package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.jwtauth.application.ChangePassword;
import io.jwtauth.domain.PlainPassword;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.Map;

/**
 * A signed-in user changes their password; every token issued before stops working. As on the token endpoints, every
 * body type reaches the endpoint and {@link RequestFields} decides by RFC 9110's grammar.
 */
@Controller("/api/password")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
final class PasswordController {

    private final ChangePassword changePassword;
    private final JsonMapper json;

    PasswordController(ChangePassword changePassword, JsonMapper json) {
        this.changePassword = changePassword;
        this.json = json;
    }

    /** The security filter refuses an anonymous caller before the body is read, as DRF authenticates first. */
    @Post("/change/")
    @Operation(summary = "Change the bearer's password; every earlier token of the user is revoked",
            security = @SecurityRequirement(name = ApiDocsController.BEARER))
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.PasswordChangeRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ApiSchemas.PasswordChangeRequest.class))})
    @ApiResponse(responseCode = "200", description = "Password changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Empty.class)))
    @ApiResponse(responseCode = "400", description = "A field missing, blank, null, of the wrong JSON type or too long (`{\"password\": [\"This field is required.\"]}`); a wrong `old_password` (`{\"old_password\": [\"Your old password was entered incorrectly. Please enter it again.\"]}`); malformed JSON or JSON that is not an object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/BadRequest")))
    @ApiResponse(responseCode = "401", description = "No or bad credentials: `Authentication credentials were not provided.`, `bad_authorization_header`, `Given token not valid for any token type`, `user_not_found`, `user_inactive`, `password_changed`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.Detail.class, ApiSchemas.CodedDetail.class, ApiSchemas.TokenNotValidForAnyType.class})))
    @ApiResponse(responseCode = "429", description = "Too many wrong `old_password`s for the account: `Request was throttled. Expected available in N seconds.`", headers = {@Header(name = "Retry-After", description = "Seconds to wait", required = true, schema = @Schema(type = "integer"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Detail.class)))
    @BodyReadingAnswers // its 400 is this operation's own: it also names a wrong old_password
    Map<String, Object> change(HttpRequest<?> request, @Parameter(hidden = true) AuthenticatedUser user, @Parameter(hidden = true) @Body @Nullable byte[] body) {
        RequestFields fields = RequestFields.read(request.getContentType(), body, json);
        String oldPassword = fields.exactText("old_password", PlainPassword.MAX_LENGTH);
        String newPassword = fields.exactText("new_password", PlainPassword.MAX_LENGTH);
        fields.done();
        changePassword.handle(new ChangePassword.Command(user.username(), new PlainPassword(oldPassword),
                new PlainPassword(newPassword)));
        return Map.of();
    }
}
