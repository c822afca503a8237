package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken.AuthenticatedUser;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * micronaut-security's view of the user a valid access token speaks for: the name is the username, and the one
 * attribute is simplejwt's {@code user_id}. Controllers take the {@link AuthenticatedUser} itself as an argument
 * (see {@link AuthenticatedUserBinder}); other code may read this as any {@link Authentication}. jwt-auth has no roles.
 */
final class AccessTokenAuthentication implements Authentication {

    private final AuthenticatedUser user;

    AccessTokenAuthentication(AuthenticatedUser user) {
        this.user = user;
    }

    AuthenticatedUser user() {
        return user;
    }

    @Override
    public String getName() {
        return user.username().value();
    }

    @Override
    public Collection<String> getRoles() {
        return List.of();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("user_id", user.id().asClaim());
    }
}
