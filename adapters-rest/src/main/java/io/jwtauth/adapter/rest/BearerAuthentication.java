package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.jwtauth.domain.TokenRejected;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Reads the {@code Authorization} header as simplejwt's {@code JWTAuthentication} does and hands the token to the
 * one use case that validates access tokens. There is no other validator: a token this path refuses is refused.
 */
@Singleton
final class BearerAuthentication {

    private static final String SCHEME = "Bearer";

    private final AuthenticateAccessToken authenticate;

    BearerAuthentication(AuthenticateAccessToken authenticate) {
        this.authenticate = authenticate;
    }

    AuthenticatedUser authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new NotAuthenticated(NotAuthenticated.Reason.NO_CREDENTIALS);
        }
        // Python's str.split(): any run of white space separates, leading and trailing white space is dropped.
        String[] parts = header.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty() || !parts[0].equals(SCHEME)) {
            throw new NotAuthenticated(NotAuthenticated.Reason.NO_CREDENTIALS);
        }
        if (parts.length != 2) {
            throw new NotAuthenticated(NotAuthenticated.Reason.BAD_AUTHORIZATION_HEADER);
        }
        try {
            return authenticate.handle(new AuthenticateAccessToken.Command(parts[1]));
        } catch (TokenRejected rejected) {
            // On a protected endpoint simplejwt words a bad token differently than on the token endpoints.
            throw new NotAuthenticated(rejected);
        }
    }
}
