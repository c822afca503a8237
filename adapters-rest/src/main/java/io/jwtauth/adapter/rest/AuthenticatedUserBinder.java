package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Hands a controller method the {@link AuthenticatedUser} that the security filter established, the way
 * micronaut-security binds an {@code Authentication}. Until the filter has run the argument is unsatisfied, so the
 * framework binds it later; on a route secured with {@code IS_AUTHENTICATED} it is always present.
 */
@Singleton
final class AuthenticatedUserBinder implements TypedRequestArgumentBinder<AuthenticatedUser> {

    private static final Argument<AuthenticatedUser> TYPE = Argument.of(AuthenticatedUser.class);

    @Override
    public Argument<AuthenticatedUser> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<AuthenticatedUser> bind(ArgumentConversionContext<AuthenticatedUser> context, HttpRequest<?> source) {
        if (!source.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<AuthenticatedUser> user = source.getUserPrincipal(AccessTokenAuthentication.class)
                .map(AccessTokenAuthentication::user);
        return () -> user;
    }
}
