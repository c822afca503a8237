package io.jwtauth.adapter.crypto;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aud} (RFC 7519, 4.1.3) must name the configured audience. Like PyJWT: it is one string or a list of strings,
 * and one of them must be ours.
 */
final class AudienceJwtClaimsValidator implements JwtClaimsValidator {

    private final String audience;

    AudienceJwtClaimsValidator(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    @Override
    public boolean validate(Map<String, Object> claims) {
        Object value = claims.get(SimpleJwtClaims.AUDIENCE);
        if (value instanceof String single) {
            return single.equals(audience);
        }
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance) && list.contains(audience);
    }
}
