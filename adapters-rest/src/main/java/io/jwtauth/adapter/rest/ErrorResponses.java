package io.jwtauth.adapter.rest;

import io.jwtauth.domain.AccountRejected;
import io.jwtauth.domain.AuthenticationFailure;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.NoActiveAccountForToken;
import io.jwtauth.domain.TokenRejected;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format of every error, in simplejwt's and DRF's words: the one place that turns a failure into a
 * status and a JSON body. No body ever carries a stack trace, a class name, SQL or a token.
 */
final class ErrorResponses {

    static final String WWW_AUTHENTICATE = "Bearer realm=\"api\"";
    private static final String TOKEN_NOT_VALID = "token_not_valid";

    private ErrorResponses() {
    }

    static MutableHttpResponse<Map<String, Object>> of(AuthenticationFailure failure) {
        if (failure instanceof TokenRejected rejected) {
            return unauthorized(detail(tokenMessage(rejected.reason()), TOKEN_NOT_VALID));
        }
        if (failure instanceof AccountRejected rejected) {
            return switch (rejected.reason()) {
                case USER_NOT_FOUND -> unauthorized(detail("User not found", "user_not_found"));
                case USER_INACTIVE -> unauthorized(detail("User is inactive", "user_inactive"));
                case PASSWORD_CHANGED -> unauthorized(detail("The user's password has been changed.", "password_changed"));
            };
        }
        if (failure instanceof NoActiveAccountForToken) {
            return unauthorized(detail("No active account found for the given token."));
        }
        if (failure instanceof InvalidCredentials) {
            return unauthorized(detail("No active account found with the given credentials"));
        }
        throw new IllegalStateException("unmapped authentication failure " + failure.getClass().getSimpleName());
    }

    static MutableHttpResponse<Map<String, Object>> of(NotAuthenticated failure) {
        return switch (failure.reason()) {
            case NO_CREDENTIALS -> unauthorized(detail("Authentication credentials were not provided."));
            case BAD_AUTHORIZATION_HEADER -> unauthorized(detail(
                    "Authorization header must contain two space-delimited values", "bad_authorization_header"));
            case TOKEN_REJECTED -> {
                Map<String, Object> body = detail("Given token not valid for any token type", TOKEN_NOT_VALID);
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("token_class", "AccessToken");
                message.put("token_type", "access");
                message.put("message", tokenMessage(failure.tokenRejection().orElseThrow()));
                body.put("messages", List.of(message));
                yield unauthorized(body);
            }
        };
    }

    static MutableHttpResponse<Map<String, Object>> of(InvalidRequestBody invalid) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST).body(invalid.body());
    }

    /** DRF's {@code UnsupportedMediaType}. */
    static MutableHttpResponse<Map<String, Object>> of(UnsupportedMediaType unsupported) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(unsupportedMediaType(unsupported.contentType()));
    }

    /** Django's own words for a wrong old password in its password change form. */
    static MutableHttpResponse<Map<String, Object>> wrongOldPassword() {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST).body(Map.of("old_password",
                List.of("Your old password was entered incorrectly. Please enter it again.")));
    }

    /** DRF's {@code Throttled}: the wait, rounded up to whole seconds, in the header and in the message. */
    static MutableHttpResponse<Map<String, Object>> of(LoginThrottled throttled) {
        long seconds = throttled.retryAfterSeconds();
        return HttpResponse.<Map<String, Object>>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(detail("Request was throttled. Expected available in " + seconds + " second" + (seconds == 1 ? "" : "s")
                        + "."));
    }

    static MutableHttpResponse<Map<String, Object>> serviceUnavailable() {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(detail("The service is temporarily unavailable; try again shortly.", "service_unavailable"));
    }

    /** DRF's {@code PermissionDenied}. */
    static MutableHttpResponse<Map<String, Object>> forbidden() {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.FORBIDDEN)
                .body(detail("You do not have permission to perform this action."));
    }

    /** A request refused before any endpoint ran, for the reason given in {@code detail}. */
    static MutableHttpResponse<Map<String, Object>> refused(HttpStatus status, String detail) {
        return HttpResponse.<Map<String, Object>>status(status).body(detail(detail));
    }

    /** DRF's 404, for a resource that does not exist in this configuration. */
    static MutableHttpResponse<Map<String, Object>> notFound() {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.NOT_FOUND).body(detail("Not found."));
    }

    /** The body for an error the framework itself raised (no route, wrong method, body too large, …). */
    static Map<String, Object> forStatus(HttpStatus status, String method, String contentType) {
        return switch (status) {
            case BAD_REQUEST -> detail("Malformed request.");
            case UNAUTHORIZED -> detail("Authentication credentials were not provided.");
            case FORBIDDEN -> forbidden().body();
            case NOT_FOUND -> notFound().body();
            case METHOD_NOT_ALLOWED -> detail("Method \"" + method + "\" not allowed.");
            case NOT_ACCEPTABLE -> detail("Could not satisfy the request Accept header.");
            case REQUEST_ENTITY_TOO_LARGE -> detail("Request body is too large.");
            case REQUEST_URI_TOO_LONG -> detail("Request line is too long.");
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> detail("Request header fields are too large.");
            case UNSUPPORTED_MEDIA_TYPE -> unsupportedMediaType(contentType);
            case SERVICE_UNAVAILABLE -> serviceUnavailable().body();
            case INTERNAL_SERVER_ERROR -> detail("A server error occurred.");
            case NOT_IMPLEMENTED -> detail("Transfer coding not implemented.");
            case HTTP_VERSION_NOT_SUPPORTED -> detail("HTTP version not supported.");
            default -> detail(status.getReason());
        };
    }

    static String tokenMessage(TokenRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> "Token is invalid";
            case EXPIRED -> "Token is expired";
            case WRONG_TYPE -> "Token has wrong type";
            case BLACKLISTED -> "Token is blacklisted";
        };
    }

    private static Map<String, Object> unsupportedMediaType(String contentType) {
        return detail("Unsupported media type \"" + contentType + "\" in request.");
    }

    private static MutableHttpResponse<Map<String, Object>> unauthorized(Map<String, Object> body) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE)
                .body(body);
    }

    private static Map<String, Object> detail(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        return body;
    }

    private static Map<String, Object> detail(String detail, String code) {
        Map<String, Object> body = detail(detail);
        body.put("code", code);
        return body;
    }
}
