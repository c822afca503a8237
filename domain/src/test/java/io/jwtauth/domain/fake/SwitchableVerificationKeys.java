package io.jwtauth.domain.fake;

import io.jwtauth.domain.JwkSet;
import io.jwtauth.domain.port.VerificationKeys;
import java.util.Optional;

/** Publishes whatever a test last gave it; nothing at first, as with a shared secret. */
public final class SwitchableVerificationKeys implements VerificationKeys {

    private volatile Optional<JwkSet> published = Optional.empty();

    @Override
    public Optional<JwkSet> published() {
        return published;
    }

    public void publish(JwkSet keys) {
        published = Optional.of(keys);
    }

    public void publishNothing() {
        published = Optional.empty();
    }
}
