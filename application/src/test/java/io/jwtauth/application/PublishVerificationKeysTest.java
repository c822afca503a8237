package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.JwkSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishVerificationKeysTest {

    private final Fixture fixture = new Fixture();

    @Test
    void publishesNothingWhileTokensAreSignedWithASharedSecret() {
        assertThat(fixture.publishVerificationKeys.handle()).isEmpty();
    }

    @Test
    void publishesTheKeysThePortHolds() {
        JwkSet keys = new JwkSet(List.of(Map.of("kty", "RSA", "kid", "k1", "use", "sig", "alg", "RS256",
                "n", "sXch", "e", "AQAB")));
        fixture.verificationKeys.publish(keys);

        assertThat(fixture.publishVerificationKeys.handle()).contains(keys);
    }
}
