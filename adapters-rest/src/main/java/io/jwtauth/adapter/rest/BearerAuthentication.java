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
        try {
            return authenticate.handle(new AuthenticateAccessToken.Command(token(header)));
        } catch (TokenRejected rejected) {
            // On a protected endpoint simplejwt words a bad token differently than on the token endpoints.
            throw new NotAuthenticated(rejected);
        }
    }

    /**
     * The second of exactly two words, the first being the scheme; words as Python's {@code str.split()} makes them:
     * leading and trailing white space dropped, any run of white space between them separating. Scanned by hand
     * rather than with a regular expression: this runs on every protected request, and a token is hundreds of
     * characters long.
     */
    private static String token(String header) {
        String value = header.strip();
        int schemeEnd = nextWhiteSpace(value, 0);
        if (!value.substring(0, schemeEnd).equals(SCHEME)) {
            throw new NotAuthenticated(NotAuthenticated.Reason.NO_CREDENTIALS);
        }
        int tokenStart = schemeEnd;
        while (tokenStart < value.length() && isSeparator(value.charAt(tokenStart))) {
            tokenStart++;
        }
        // strip() leaves no white space at the end, so a separator after the token means a third word.
        if (tokenStart == value.length() || nextWhiteSpace(value, tokenStart) != value.length()) {
            throw new NotAuthenticated(NotAuthenticated.Reason.BAD_AUTHORIZATION_HEADER);
        }
        return value.substring(tokenStart);
    }

    private static int nextWhiteSpace(String value, int from) {
        int i = from;
        while (i < value.length() && !isSeparator(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
