package io.jwtauth.application;

import io.jwtauth.domain.JwkSet;
import io.jwtauth.domain.port.VerificationKeys;
import java.util.Optional;

/**
 * Hands out the public keys that verify our tokens (a JWKS), so that other services can check access tokens
 * without holding a key that could mint them. With a shared secret there is nothing that may be published.
 */
public final class PublishVerificationKeys {

    private final VerificationKeys keys;

    public PublishVerificationKeys(VerificationKeys keys) {
        this.keys = keys;
    }

    /** The key set, or empty when tokens are signed with a shared secret. */
    public Optional<JwkSet> handle() {
        return keys.published();
    }
}
