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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
    Map<String, Object> change(HttpRequest<?> request, AuthenticatedUser user, @Body @Nullable byte[] body) {
        RequestFields fields = RequestFields.read(request.getContentType(), body, json);
        String oldPassword = fields.exactText("old_password", PlainPassword.MAX_LENGTH);
        String newPassword = fields.exactText("new_password", PlainPassword.MAX_LENGTH);
        fields.done();
        changePassword.handle(new ChangePassword.Command(user.username(), new PlainPassword(oldPassword),
                new PlainPassword(newPassword)));
        return Map.of();
    }
}
