package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.jwtauth.domain.TokenRejected;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Reads the {@code Authorization} header as simplejwt's {@code JWTAuthentication} does and hands the token to the
 * one use case that validates access tokens. There is no other validator: a token this path refuses is refused.
 *
 * <p>Routes on the blocking pool call {@link #authenticate}. A route on the event loop, which must never wait on the
 * database, calls {@link #authenticateWithoutBlocking}: it answers on the spot when the token's owner is in the user
 * cache, and hands the rest to the blocking pool.
 */
@Singleton
final class BearerAuthentication {

    private static final String SCHEME = "Bearer";

    private final AuthenticateAccessToken authenticate;
    private final ExecutorService blocking;

    BearerAuthentication(AuthenticateAccessToken authenticate, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    /** May wait on the database, when the owner is not in the user cache: only for threads that may block. */
    AuthenticatedUser authenticate(HttpRequest<?> request) {
        return handle(command(request));
    }

    /**
     * Never waits: a missing or refused token fails at once, as does an owner the cache knows to be inactive or
     * changed; a token whose owner is not in the cache is authenticated on the blocking pool, where the lookup may wait.
     */
    CompletionStage<AuthenticatedUser> authenticateWithoutBlocking(HttpRequest<?> request) {
        AuthenticateAccessToken.Command command = command(request);
        Optional<AuthenticatedUser> known;
        try {
            known = authenticate.handleWithoutWaiting(command);
        } catch (TokenRejected rejected) {
            throw new NotAuthenticated(rejected);
        }
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        Supplier<AuthenticatedUser> lookup = () -> handle(command);
        return CompletableFuture.supplyAsync(PropagatedContext.wrapCurrent(lookup), blocking);
    }

    private AuthenticatedUser handle(AuthenticateAccessToken.Command command) {
        try {
            return authenticate.handle(command);
        } catch (TokenRejected rejected) {
            // On a protected endpoint simplejwt words a bad token differently than on the token endpoints.
            throw new NotAuthenticated(rejected);
        }
    }

    private static AuthenticateAccessToken.Command command(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new NotAuthenticated(NotAuthenticated.Reason.NO_CREDENTIALS);
        }
        return new AuthenticateAccessToken.Command(token(header));
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
        if (schemeEnd != SCHEME.length() || !value.startsWith(SCHEME)) {
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

    /**
     * What {@code \s} matches in a Java regular expression: the space, and tab to carriage return (9 to 13). A
     * token's characters are all above the space, so for them this is one comparison.
     */
    static boolean isSeparator(char c) {
        return c <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r'));
    }
}
