package io.jwtauth.adapter.crypto;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The claims set as simplejwt writes it, and the domain's {@link Claims} it stands for: {@code token_type},
 * {@code exp}, {@code iat}, {@code jti}, {@code user_id} (a string), a refresh token's {@code family_id}, and
 * {@code nbf}, {@code iss}, {@code aud} where they apply; plus {@code sub} (RFC 7519, 4.1.2), the same user id string
 * again, because standard resource servers (micronaut-security-jwt, Spring Security) identify the user by it and some
 * refuse a token without it. Reading types the claims; what must match configuration is checked by the
 * {@link JwtClaimsValidator}s.
 */
final class SimpleJwtClaims {

    static final String TOKEN_TYPE = "token_type";
    static final String EXPIRES_AT = "exp";
    static final String ISSUED_AT = "iat";
    static final String NOT_BEFORE = "nbf";
    static final String TOKEN_ID = "jti";
    static final String USER_ID = "user_id";
    static final String SUBJECT = "sub";
    static final String FAMILY_ID = "family_id";
    static final String ISSUER = "iss";
    static final String AUDIENCE = "aud";

    /** 9999-12-31T23:59:59Z: later times are not ones we write, and would not fit {@link Instant} arithmetic. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private SimpleJwtClaims() {
    }

    /** The claims set to sign, in simplejwt's order. */
    static Map<String, Object> write(Claims claims, Optional<String> issuer, Optional<String> audience) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(TOKEN_TYPE, claims.type().claim());
        json.put(EXPIRES_AT, claims.expiresAt().getEpochSecond());
        json.put(ISSUED_AT, claims.issuedAt().getEpochSecond());
        json.put(TOKEN_ID, claims.id().value());
        json.put(USER_ID, claims.userId().asClaim());
        json.put(SUBJECT, claims.userId().asClaim());
        claims.family().ifPresent(family -> json.put(FAMILY_ID, family.value()));
        claims.notBefore().ifPresent(notBefore -> json.put(NOT_BEFORE, notBefore.getEpochSecond()));
        issuer.ifPresent(value -> json.put(ISSUER, value));
        audience.ifPresent(value -> json.put(AUDIENCE, value));
        return json;
    }

    /**
     * The claims a verified token carries. {@code user_id} alone names the owner; a refresh token must carry a
     * {@code family_id} and an access token must not.
     *
     * @throws TokenRejected (invalid) if a claim is missing or of the wrong type, or a time is out of range
     */
    static Claims read(Map<String, Object> json) {
        TokenType type = TokenType.fromClaim(string(json, TOKEN_TYPE)).orElseThrow(SimpleJwtClaims::invalid);
        Optional<FamilyId> family = switch (type) {
            case REFRESH -> Optional.of(new FamilyId(string(json, FAMILY_ID)));
            case ACCESS -> {
                if (json.containsKey(FAMILY_ID)) {
                    throw invalid();
                }
                yield Optional.empty();
            }
        };
        Optional<Instant> notBefore = json.containsKey(NOT_BEFORE)
                ? Optional.of(numericDate(json, NOT_BEFORE))
                : Optional.empty();
        return new Claims(type, new TokenId(string(json, TOKEN_ID)), UserId.parse(string(json, USER_ID)),
                numericDate(json, ISSUED_AT), numericDate(json, EXPIRES_AT), notBefore, family);
    }

    private static String string(Map<String, Object> json, String name) {
        if (json.get(name) instanceof String value) {
            return value;
        }
        throw invalid();
    }

    /** RFC 7519 allows fractional seconds; {@link Claims} keeps whole ones, so a fraction is dropped. */
    private static Instant numericDate(Map<String, Object> json, String name) {
        long seconds;
        Object value = json.get(name);
        if (value instanceof Long whole) {
            seconds = whole;
        } else if (value instanceof Double fractional && Double.isFinite(fractional)) {
            seconds = (long) Math.floor(fractional);
        } else {
            throw invalid();
        }
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw invalid();
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static TokenRejected invalid() {
        return new TokenRejected(TokenRejected.Reason.INVALID);
    }
}
