package io.jwtauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each claim validator on its own; {@code NimbusTokenCodecTest} shows them at work inside the codec. */
class JwtClaimsValidatorsTest {

    private static Map<String, Object> claims(Object... namesAndValues) {
        Map<String, Object> claims = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            claims.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return claims;
    }

    @Test
    void theIssuerMustBeTheConfiguredOneSpelledExactly() {
        var issuer = new IssuerJwtClaimsValidator("https://auth.example");

        assertThat(issuer.validate(claims("iss", "https://auth.example"))).isTrue();
        assertThat(issuer.validate(claims("iss", "https://auth.example/"))).isFalse();
        assertThat(issuer.validate(claims("iss", List.of("https://auth.example")))).isFalse();
        assertThat(issuer.validate(claims())).isFalse();
    }

    @Test
    void theAudienceIsOneStringOrAListOfStringsThatHoldsOurs() {
        var audience = new AudienceJwtClaimsValidator("api");

        assertThat(audience.validate(claims("aud", "api"))).isTrue();
        assertThat(audience.validate(claims("aud", List.of("other", "api")))).isTrue();
        assertThat(audience.validate(claims("aud", List.of("other")))).isFalse();
        assertThat(audience.validate(claims("aud", List.of("api", 7L)))).isFalse();
        assertThat(audience.validate(claims("aud", "API"))).isFalse();
        assertThat(audience.validate(claims())).isFalse();
    }

    @Test
    void theSubjectIsOptionalButWhereGivenIsTheUserIdSpelledExactly() {
        var subject = new SubjectJwtClaimsValidator();

        assertThat(subject.validate(claims("user_id", "7"))).isTrue();
        assertThat(subject.validate(claims("user_id", "7", "sub", "7"))).isTrue();
        assertThat(subject.validate(claims("user_id", "7", "sub", "8"))).isFalse();
        assertThat(subject.validate(claims("user_id", "7", "sub", 7L))).isFalse();
        assertThat(subject.validate(claims("user_id", "7", "sub", null))).isFalse();
        assertThat(subject.validate(claims("user_id", 7L))).isFalse();
    }
}
