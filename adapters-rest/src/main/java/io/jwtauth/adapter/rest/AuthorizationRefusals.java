package io.jwtauth.adapter.rest;

import io.jwtauth.domain.AuthenticationFailure;
import io.jwtauth.domain.StoreUnavailable;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a request that the security rules refused, in simplejwt's words for why its credentials failed (kept by
 * {@link AccessTokenAuthenticationFetcher}): none given, a malformed header, a bad token, an owner gone, inactive or
 * with changed credentials, or 503 when the owner could not be looked up. Replaces micronaut-security's handler, which
 * would answer an empty 401 or redirect.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationRefusals implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return ErrorResponses.forbidden();
        }
        Object why = request.getAttribute(AccessTokenAuthenticationFetcher.FAILURE).orElse(NotAuthenticated.NO_CREDENTIALS);
        if (why instanceof StoreUnavailable unavailable) {
            return ErrorRoutes.serviceUnavailable(unavailable);
        }
        if (why instanceof AuthenticationFailure failure) {
            return ErrorResponses.of(failure);
        }
        return ErrorResponses.of((NotAuthenticated) why);
    }
}
