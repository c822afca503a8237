package io.jwtauth.adapter.crypto;

import java.util.Map;

/**
 * One check of a token's claims set, run after its signature verified, as micronaut-security's validators of the
 * same name: the codec runs one per configured claim and refuses the token as invalid if any says no. The times
 * ({@code exp}, {@code nbf}) are not checked here but by the domain's {@code TokenVerifier}, against its clock.
 */
@FunctionalInterface
interface JwtClaimsValidator {

    /** @param claims the claims set as {@link StrictJson} reads it; whether the token may be accepted */
    boolean validate(Map<String, Object> claims);
}
