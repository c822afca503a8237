package io.jwtauth.adapter.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens assembled by hand from raw JSON and signed correctly with plain JCE HMAC, so that a test can show
 * that the codec refuses a token for the one flaw it was given, not for a wrong signature.
 */
final class HandMadeTokens {

    /** At least 64 bytes, so long enough for every HS algorithm. */
    static final String SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789-ABCD";

    static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    static final long ISSUED_AT = 1_767_261_600L;
    static final long EXPIRES_AT = ISSUED_AT + 300;
    static final String TOKEN_ID = "0123456789abcdef0123456789abcdef";
    static final String FAMILY_ID = "fedcba9876543210fedcba9876543210";

    private HandMadeTokens() {
    }

    /** The keys for an algorithm and a configured key, read as the service reads its configuration. */
    static SigningKeys keys(String algorithm, String key) {
        // A configured key leaves the data folder untouched.
        return SigningKeys.load(new KeySettings(algorithm, Optional.of(key), Optional.empty(), Optional.empty(),
                Path.of("target", "unused-data-folder")));
    }

    /**
     * The claims of a valid access token, as claim name to raw JSON value, in an order a test may change. They are
     * simplejwt's, without the {@code sub} that we also write: a test that wants it adds it.
     */
    static Map<String, String> accessClaims() {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("token_type", "\"access\"");
        claims.put("exp", Long.toString(EXPIRES_AT));
        claims.put("iat", Long.toString(ISSUED_AT));
        claims.put("jti", "\"" + TOKEN_ID + "\"");
        claims.put("user_id", "\"1\"");
        return claims;
    }

    static Map<String, String> refreshClaims() {
        Map<String, String> claims = accessClaims();
        claims.put("token_type", "\"refresh\"");
        claims.put("family_id", "\"" + FAMILY_ID + "\"");
        return claims;
    }

    static String json(Map<String, String> rawValues) {
        return rawValues.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String part(String text) {
        return part(text.getBytes(StandardCharsets.UTF_8));
    }

    static String part(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An HS256 token with the given header and claims, signed with {@link #SECRET}. */
    static String hs256(String headerJson, String payloadJson) {
        return signed(part(headerJson), part(payloadJson), "HmacSHA256", SECRET);
    }

    static String hs256(Map<String, String> claims) {
        return hs256(HS256_HEADER, json(claims));
    }

    /** Signs the two given parts exactly as they are spelled, however odd. */
    static String signed(String headerPart, String payloadPart, String jceAlgorithm, String secret) {
        String signingInput = headerPart + "." + payloadPart;
        return signingInput + "." + part(mac(jceAlgorithm, secret, signingInput));
    }

    private static byte[] mac(String jceAlgorithm, String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(jceAlgorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jceAlgorithm));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
