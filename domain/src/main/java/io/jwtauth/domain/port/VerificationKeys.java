package io.jwtauth.domain.port;

import io.jwtauth.domain.JwkSet;
import java.util.Optional;

/** The public keys with which other services may check our tokens without being able to mint them. */
public interface VerificationKeys {

    /** Empty while tokens are signed with a shared secret (HS*): that key must never leave the service. */
    Optional<JwkSet> published();
}
