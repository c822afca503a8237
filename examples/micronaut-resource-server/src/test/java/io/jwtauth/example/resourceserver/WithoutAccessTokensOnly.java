package io.jwtauth.example.resourceserver;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;

/**
 * Tests only: in the environment {@value #ENVIRONMENT} the application runs without {@link AccessTokensOnly}, to
 * show what it prevents. Micronaut replaces a bean only among beans of the replacement's own types, so this one has
 * the same (eager, a claims validator) and lets every token through, as if the validator were not there.
 *
 * @param <R> the request type
 */
@Context
@Replaces(AccessTokensOnly.class)
@Requires(env = WithoutAccessTokensOnly.ENVIRONMENT)
class WithoutAccessTokensOnly<R> implements GenericJwtClaimsValidator<R> {

    static final String ENVIRONMENT = "without-access-tokens-only";

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable R request) {
        return true;
    }
}
