package io.jwtauth.adapter.crypto;

import java.util.Map;
import java.util.Objects;

/** {@code iss} (RFC 7519, 4.1.1) must be the configured issuer, spelled exactly, as PyJWT checks it. */
final class IssuerJwtClaimsValidator implements JwtClaimsValidator {

    private final String issuer;

    IssuerJwtClaimsValidator(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public boolean validate(Map<String, Object> claims) {
        return issuer.equals(claims.get(SimpleJwtClaims.ISSUER));
    }
}
