package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.application.AuthenticateAccessToken.VerifiedAccessToken;
import io.jwtauth.domain.AccountRejected;
import io.jwtauth.domain.StoreUnavailable;
import io.jwtauth.domain.TokenRejected;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * The one way a request becomes authenticated: the {@code Authorization} header read as simplejwt reads it
 * ({@link BearerCredentials}), then the one use case that validates access tokens. It replaces micronaut-security's
 * {@code TokenAuthenticationFetcher}, and the framework's token readers and validators are switched off (see
 * {@code application.yml}), so nothing else in the application can accept a token.
 *
 * <p>A request whose credentials fail is left unauthenticated, and why is kept in the request's
 * {@link #FAILURE} attribute: a route that needs a user is then refused by the security rules, and
 * {@link AuthorizationRefusals} answers with simplejwt's body for that reason. On anonymous routes (the token
 * endpoints, as in simplejwt, whose views have no authentication classes) it attempts nothing.
 *
 * <p>This fetcher chooses the thread. The token's signature, validity window and type are checked where the request
 * arrived, on the event loop: computation only, and the cheap check comes before any lookup. When the owner's record is
 * {@linkplain UserCache at hand in memory} its check follows on the spot; otherwise it moves to the blocking pool, so
 * that the event loop never waits on the database, and the request goes on from there.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
final class AccessTokenAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    /** The request attribute holding why the request's credentials were refused; absent when it had none. */
    static final String FAILURE = "io.jwtauth.authentication.failure";

    private final AuthenticateAccessToken authenticate;
    private final UserCache userCache;
    private final ExecutorService blocking;

    AccessTokenAuthenticationFetcher(AuthenticateAccessToken authenticate, UserCache userCache,
                                     @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.userCache = userCache;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (needsNoUser(request)) {
            return Publishers.empty();
        }
        VerifiedAccessToken verified;
        try {
            Optional<String> token = BearerCredentials.token(request.getHeaders().getAll(HttpHeaders.AUTHORIZATION));
            if (token.isEmpty()) {
                return Publishers.empty();
            }
            verified = authenticate.verify(new AuthenticateAccessToken.Command(token.get()));
        } catch (NotAuthenticated failure) {
            return refused(request, failure);
        } catch (TokenRejected rejected) {
            // On a protected endpoint simplejwt words a bad token differently than on the token endpoints.
            return refused(request, new NotAuthenticated(rejected));
        }
        if (userCache.holds(verified.ownerId())) {
            return Publishers.just(ownerOrRefusal(request, verified));
        }
        Supplier<Authentication> lookup = () -> ownerOrRefusal(request, verified);
        Supplier<Authentication> inRequestContext = PropagatedContext.wrapCurrent(lookup);
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(inRequestContext, blocking));
    }

    /**
     * Whether the request's route is open to anyone: then no authentication is attempted at all, as DRF attempts none
     * for simplejwt's token views (their {@code authentication_classes} are empty). A bearer header sent to
     * {@code /api/health/} or {@code /api/token/} costs nothing then, and cannot make it wait on the database. The rule
     * itself is still the security filter's to apply.
     */
    private static boolean needsNoUser(HttpRequest<?> request) {
        RouteMatch<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        // Read as SecuredAnnotationRule reads it: the method's @Secured, or its class's.
        String[] rules = route instanceof MethodBasedRouteMatch<?, ?> method
                ? method.getValue(Secured.class, String[].class).orElse(null) : null;
        return rules != null && rules.length == 1 && SecurityRule.IS_ANONYMOUS.equals(rules[0]);
    }

    /** The owner's authentication, or null (an empty publisher) with the refusal kept in the request. */
    private Authentication ownerOrRefusal(HttpRequest<?> request, VerifiedAccessToken verified) {
        try {
            return new AccessTokenAuthentication(authenticate.authenticate(verified));
        } catch (AccountRejected | StoreUnavailable failure) {
            request.setAttribute(FAILURE, failure);
            return null;
        }
    }

    private static Publisher<Authentication> refused(HttpRequest<?> request, RuntimeException why) {
        request.setAttribute(FAILURE, why);
        return Publishers.empty();
    }

    /** The place of the fetcher it replaces; there is no other. */
    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }
}
