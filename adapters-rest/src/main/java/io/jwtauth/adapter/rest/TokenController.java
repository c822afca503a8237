package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.jwtauth.application.BlacklistRefreshToken;
import io.jwtauth.application.ObtainTokenPair;
import io.jwtauth.application.RefreshAccessToken;
import io.jwtauth.application.RevokeAllRefreshTokens;
import io.jwtauth.application.VerifyToken;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.TokenPair;
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
 * simplejwt's token endpoints (obtain a pair, refresh, verify, blacklist), anonymous like simplejwt's views, which
 * have no authentication classes; and logout everywhere, which needs the bearer's access token. Every body type
 * reaches the endpoint, and {@link RequestFields} decides by RFC 9110's grammar: Micronaut's own matching of
 * {@code @Consumes} refuses valid media types such as {@code application/json ; charset=utf-8}.
 */
@Controller("/api/token")
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
final class TokenController {

    private final ObtainTokenPair obtainTokenPair;
    private final RefreshAccessToken refreshAccessToken;
    private final VerifyToken verifyToken;
    private final BlacklistRefreshToken blacklistRefreshToken;
    private final RevokeAllRefreshTokens revokeAllRefreshTokens;
    private final JsonMapper json;
    private final ClientAddresses clientAddresses;

    TokenController(ObtainTokenPair obtainTokenPair, RefreshAccessToken refreshAccessToken, VerifyToken verifyToken,
                    BlacklistRefreshToken blacklistRefreshToken, RevokeAllRefreshTokens revokeAllRefreshTokens,
                    JsonMapper json, ClientAddresses clientAddresses) {
        this.obtainTokenPair = obtainTokenPair;
        this.refreshAccessToken = refreshAccessToken;
        this.verifyToken = verifyToken;
        this.blacklistRefreshToken = blacklistRefreshToken;
        this.revokeAllRefreshTokens = revokeAllRefreshTokens;
        this.json = json;
        this.clientAddresses = clientAddresses;
    }

    @Post("/")
    @Operation(summary = "Obtain a token pair (log in)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.ObtainRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ApiSchemas.ObtainRequest.class))})
    @ApiResponse(responseCode = "200", description = "A refresh and an access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPairResponse.class)))
    @ApiResponse(responseCode = "401", description = "Wrong password, unknown or inactive user, all alike: `No active account found with the given credentials`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Detail.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed attempts: `Request was throttled. Expected available in N seconds.`", headers = {@Header(name = "Retry-After", description = "Seconds to wait", required = true, schema = @Schema(type = "integer"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Detail.class)))
    @BodyReadingAnswers
    TokenPairResponse obtain(HttpRequest<?> request, @Parameter(hidden = true) @Body @Nullable byte[] body) {
        RequestFields fields = RequestFields.read(request.getContentType(), body, json);
        String username = fields.text("username");
        String password = fields.exactText("password", PlainPassword.MAX_LENGTH);
        fields.done();
        TokenPair pair = obtainTokenPair.handle(
                new ObtainTokenPair.Command(username, new PlainPassword(password), clientAddresses.of(request)));
        return new TokenPairResponse(pair.refresh(), pair.access());
    }

    @Post("/refresh/")
    @Operation(summary = "Refresh: a new access token (and with rotation a new refresh token)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.RefreshRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ApiSchemas.RefreshRequest.class))})
    @ApiResponse(responseCode = "200", description = "The new access token; under rotation also a new refresh token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefreshResponse.class)))
    @ApiResponse(responseCode = "401", description = "`Token is invalid`, `Token is expired`, `Token has wrong type` or `Token is blacklisted` (code `token_not_valid`); `No active account found for the given token.`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.CodedDetail.class, ApiSchemas.Detail.class})))
    @BodyReadingAnswers
    RefreshResponse refresh(HttpRequest<?> request, @Parameter(hidden = true) @Body @Nullable byte[] body) {
        String refresh = singleText(request, body, "refresh");
        RefreshAccessToken.Result result = refreshAccessToken.handle(new RefreshAccessToken.Command(refresh));
        return new RefreshResponse(result.access(), result.refresh().orElse(null));
    }

    @Operation(summary = "Verify a token: 200 when it would be accepted now")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.VerifyRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ApiSchemas.VerifyRequest.class))})
    @ApiResponse(responseCode = "200", description = "The token is valid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Empty.class)))
    @ApiResponse(responseCode = "401", description = "`Token is invalid`, `Token is expired`, `Token has wrong type` or `Token is blacklisted` (code `token_not_valid`); an access token whose owner is gone, inactive or changed password: `user_not_found`, `user_inactive`, `password_changed`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.CodedDetail.class, ApiSchemas.Detail.class})))
    @BodyReadingAnswers
    @Post("/verify/")
    Map<String, Object> verify(HttpRequest<?> request, @Parameter(hidden = true) @Body @Nullable byte[] body) {
        verifyToken.handle(new VerifyToken.Command(singleText(request, body, "token")));
        return Map.of();
    }

    @Operation(summary = "Blacklist a refresh token (log out)")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.RefreshRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ApiSchemas.RefreshRequest.class))})
    @ApiResponse(responseCode = "200", description = "The refresh token is refused from now on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Empty.class)))
    @ApiResponse(responseCode = "401", description = "`Token is invalid`, `Token is expired`, `Token has wrong type` or `Token is blacklisted` (code `token_not_valid`)", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.CodedDetail.class, ApiSchemas.Detail.class})))
    @BodyReadingAnswers
    @Post("/blacklist/")
    Map<String, Object> blacklist(HttpRequest<?> request, @Parameter(hidden = true) @Body @Nullable byte[] body) {
        blacklistRefreshToken.handle(new BlacklistRefreshToken.Command(singleText(request, body, "refresh")));
        return Map.of();
    }

    /** Logout everywhere: no body needed, the bearer says whose tokens. */
    @Post("/revoke-all/")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Revoke every refresh token of the bearer (log out everywhere)",
            security = @SecurityRequirement(name = ApiDocsController.BEARER))
    @ApiResponse(responseCode = "200", description = "Every refresh token of the user is revoked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.Empty.class)))
    @ApiResponse(responseCode = "401", description = "No or bad credentials: `Authentication credentials were not provided.`, `bad_authorization_header`, `Given token not valid for any token type`, `user_not_found`, `user_inactive`, `password_changed`", headers = {@Header(name = "WWW-Authenticate", description = "`Bearer realm=\"api\"`", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ApiSchemas.Detail.class, ApiSchemas.CodedDetail.class, ApiSchemas.TokenNotValidForAnyType.class})))
    @ApiResponse(responseCode = "503", description = "Database unreachable, or every password-hashing thread busy and its queue full (`service_unavailable`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.CodedDetail.class)))
    Map<String, Object> revokeAll(@Parameter(hidden = true) AuthenticatedUser user) {
        revokeAllRefreshTokens.handle(new RevokeAllRefreshTokens.Command(user.id()));
        return Map.of();
    }

    private String singleText(HttpRequest<?> request, byte[] body, String name) {
        RequestFields fields = RequestFields.read(request.getContentType(), body, json);
        String value = fields.text(name);
        fields.done();
        return value;
    }
}
