package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens as simplejwt writes them: a JWS in compact form whose claims are {@code token_type}, {@code exp},
 * {@code iat}, {@code jti}, {@code user_id} (a string), a refresh token's {@code family_id}, and {@code nbf},
 * {@code iss}, {@code aud} where they apply; plus {@code sub} (RFC 7519 section 4.1.2), the same user id string
 * again, because standard resource servers (micronaut-security-jwt, Spring Security) identify the user by it and
 * some refuse a token without it.
 *
 * <p>On reading, {@code user_id} alone names the owner. {@code sub} is optional: tokens written before it was added,
 * and tokens simplejwt writes with the same key, do not carry it. When present it must be a string spelled exactly
 * as {@code user_id}; a token whose two names for its owner disagree is {@link TokenRejected.Reason#INVALID}, so
 * that no verifier reading one of them can be shown another user than the one we see.
 *
 * <p>Reading is deliberately stricter than a general JWT library: the token must look exactly like one
 * this service (or simplejwt with the same key) could have made, or it is refused as
 * {@link TokenRejected.Reason#INVALID}. Only the configured algorithm is accepted, and only our own keys verify:
 * with a key pair, the one the header's {@code kid} names. The signature is checked before any claim is looked at.
 */
public final class NimbusTokenCodec implements TokenCodec {

    /** Far above any token we make (about 400 characters), far below what would make parsing costly. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Header parameters that point at key material or change what the signature covers. Verification only
     * ever uses our configured keys, so a token naming one of these was not made for us.
     */
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "b64");

    /** 9999-12-31T23:59:59Z: later times are not ones we write, and would not fit {@link Instant} arithmetic. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private static final String TOKEN_TYPE = "token_type";
    private static final String EXPIRES_AT = "exp";
    private static final String ISSUED_AT = "iat";
    private static final String NOT_BEFORE = "nbf";
    private static final String TOKEN_ID = "jti";
    private static final String USER_ID = "user_id";
    private static final String SUBJECT = "sub";
    private static final String FAMILY_ID = "family_id";
    private static final String ISSUER = "iss";
    private static final String AUDIENCE = "aud";

    private final JwsKey key;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    /**
     * The header part of the tokens we sign, and what reading it gives. Nearly every token presented carries exactly
     * this text, so it is read once here rather than on every request; any other header is read in full.
     */
    private final String ownHeaderPart;
    private final JWSHeader ownHeader;

    /**
     * @param keys the configured algorithm's keys: they sign, and they alone verify
     * @throws IllegalArgumentException if the issuer or audience is blank
     */
    public NimbusTokenCodec(SigningKeys keys, Optional<String> issuer, Optional<String> audience) {
        this.key = Objects.requireNonNull(keys, "keys").key();
        this.issuer = requireNonBlank(issuer, "issuer");
        this.audience = requireNonBlank(audience, "audience");
        this.ownHeaderPart = key.header().toBase64URL().toString();
        try {
            this.ownHeader = header(ownHeaderPart);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("the header we sign with is not one we would accept", e);
        }
    }

    private static Optional<String> requireNonBlank(Optional<String> value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isPresent() && value.get().isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank when it is set");
        }
        return value;
    }

    @Override
    public String encode(Claims claims) {
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

        String signingInput = key.header().toBase64URL() + "." + new Payload(json).toBase64URL();
        try {
            return signingInput + "." + key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
    }

    @Override
    public Claims decode(String token) {
        try {
            return decodeStrictly(token);
        } catch (TokenRejected e) {
            throw e;
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Whatever the cause, even a surprise inside a parser, a token we cannot read is not one of ours.
            throw invalid();
        }
    }

    private Claims decodeStrictly(String token) throws ParseException, JOSEException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid();
        }
        JWSHeader header = parts[0].equals(ownHeaderPart) ? ownHeader : header(parts[0]);
        byte[] payloadBytes = canonicalBase64Url(parts[1]);
        byte[] signature = canonicalBase64Url(parts[2]);
        // The header and payload parts as they came, with the dot between them.
        byte[] signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        if (!key.verify(header, signingInput, signature)) {
            throw invalid();
        }
        return claims(jsonObject(payloadBytes));
    }

    private JWSHeader header(String part) throws ParseException {
        Map<String, Object> json = jsonObject(canonicalBase64Url(part));
        checkHeader(json);
        return JWSHeader.parse(json, new Base64URL(part));
    }

    /**
     * Decodes one part, refusing padding, other alphabets and encodings with non-zero spare bits: several
     * texts must not stand for one token, or a blacklisted token could come back in another spelling.
     */
    private static byte[] canonicalBase64Url(String part) {
        int spareBits = switch (part.length() % 4) {
            case 0 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> throw invalid();
        };
        for (int i = 0; i < part.length(); i++) {
            if (base64UrlValue(part.charAt(i)) < 0) {
                throw invalid();
            }
        }
        if (spareBits > 0 && (base64UrlValue(part.charAt(part.length() - 1)) & ((1 << spareBits) - 1)) != 0) {
            throw invalid();
        }
        return DECODER.decode(part);
    }

    /** The six bits a character of the URL-safe alphabet stands for, or -1 for any other character. */
    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }

    private static Map<String, Object> jsonObject(byte[] utf8) {
        return StrictJson.object(utf8).orElseThrow(NimbusTokenCodec::invalid);
    }

    private void checkHeader(Map<String, Object> header) {
        if (!key.algorithm().getName().equals(header.get("alg"))) {
            throw invalid();
        }
        if (header.containsKey("typ") && !"JWT".equals(header.get("typ"))) {
            throw invalid();
        }
        if (REFUSED_HEADERS.stream().anyMatch(header::containsKey)) {
            throw invalid();
        }
    }

    private Claims claims(Map<String, Object> json) {
        TokenType type = TokenType.fromClaim(string(json, TOKEN_TYPE)).orElseThrow(NimbusTokenCodec::invalid);
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
        issuer.ifPresent(expected -> requireIssuer(json, expected));
        audience.ifPresent(expected -> requireAudience(json, expected));
        String userId = string(json, USER_ID);
        if (json.containsKey(SUBJECT) && !userId.equals(string(json, SUBJECT))) {
            throw invalid();
        }
        return new Claims(type, new TokenId(string(json, TOKEN_ID)), UserId.parse(userId),
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

    private static void requireIssuer(Map<String, Object> json, String expected) {
        if (!expected.equals(string(json, ISSUER))) {
            throw invalid();
        }
    }

    /** Like PyJWT: {@code aud} is one string or a list of strings, and one of them must be ours. */
    private static void requireAudience(Map<String, Object> json, String expected) {
        Object value = json.get(AUDIENCE);
        if (value instanceof String single && single.equals(expected)) {
            return;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance) && list.contains(expected)) {
            return;
        }
        throw invalid();
    }

    private static TokenRejected invalid() {
        return new TokenRejected(TokenRejected.Reason.INVALID);
    }
}
