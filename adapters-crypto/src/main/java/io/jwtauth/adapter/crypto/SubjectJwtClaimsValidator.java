package io.jwtauth.adapter.crypto;

import java.util.Map;

/**
 * {@code sub} (RFC 7519, 4.1.2) is optional, since simplejwt does not write it; where present it must be a string
 * spelled exactly as {@code user_id}, so that no verifier reading one of the two can be shown another user than the
 * one we see. A token without a string {@code user_id} is refused here too; it names no owner at all.
 */
final class SubjectJwtClaimsValidator implements JwtClaimsValidator {

    @Override
    public boolean validate(Map<String, Object> claims) {
        Object userId = claims.get(SimpleJwtClaims.USER_ID);
        return userId instanceof String && (!claims.containsKey(SimpleJwtClaims.SUBJECT)
                || userId.equals(claims.get(SimpleJwtClaims.SUBJECT)));
    }
}
