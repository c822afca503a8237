package io.jwtauth.adapter.rest;

import io.jwtauth.application.BlacklistRefreshToken;
import io.jwtauth.application.ObtainTokenPair;
import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
    TokenPairResponse obtain(HttpRequest<?> request, @Body @Nullable byte[] body) {
        RequestFields fields = RequestFields.read(request.getContentType(), body, json);
        String username = fields.text("username");
        String password = fields.exactText("password", PlainPassword.MAX_LENGTH);
        fields.done();
        TokenPair pair = obtainTokenPair.handle(
                new ObtainTokenPair.Command(username, new PlainPassword(password), clientAddresses.of(request)));
        return new TokenPairResponse(pair.refresh(), pair.access());
    }

    @Post("/refresh/")
    RefreshResponse refresh(HttpRequest<?> request, @Body @Nullable byte[] body) {
        String refresh = singleText(request, body, "refresh");
        RefreshAccessToken.Result result = refreshAccessToken.handle(new RefreshAccessToken.Command(refresh));
        return new RefreshResponse(result.access(), result.refresh().orElse(null));
    }

    @Post("/verify/")
    Map<String, Object> verify(HttpRequest<?> request, @Body @Nullable byte[] body) {
        verifyToken.handle(new VerifyToken.Command(singleText(request, body, "token")));
        return Map.of();
    }

    @Post("/blacklist/")
    Map<String, Object> blacklist(HttpRequest<?> request, @Body @Nullable byte[] body) {
        blacklistRefreshToken.handle(new BlacklistRefreshToken.Command(singleText(request, body, "refresh")));
        return Map.of();
    }

    /** Logout everywhere: no body needed, the bearer says whose tokens. */
    @Post("/revoke-all/")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> revokeAll(AuthenticatedUser user) {
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
