package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.TokenRejected;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JWS in compact serialization (RFC 7515, section 7.1) into its parts, more strictly than a general JWT
 * library: three parts in canonical base64url, a header in strict JSON ({@link StrictJson}) that names our algorithm,
 * says {@code typ: JWT} if it says anything, and points at no key material. It checks no signature and reads no claim;
 * the parts come out for the signature check ({@link JwsKey#verify}), and the claims set only after that
 * ({@link #claimsSet}). Anything else is {@link TokenRejected.Reason#INVALID}.
 */
final class JsonWebTokenParser {

    /** Far above any token we make (about 400 characters), far below what would make parsing costly. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Header parameters that point at key material or change what the signature covers (RFC 7515, 4.1; RFC 7797).
     * Verification only ever uses our configured keys, so a token naming one of these was not made for us.
     */
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "b64");

    /** A token in its parts: the header read, the bytes the signature covers, the signature, the claims set unread. */
    record Jws(JWSHeader header, byte[] signingInput, byte[] signature, byte[] payload) {
    }

    private final JWSAlgorithm algorithm;
    /**
     * The header part of the tokens we sign, and what reading it gives. Nearly every token presented carries exactly
     * this text, so it is read once here rather than on every request; any other header is read in full.
     */
    private final String ownHeaderPart;
    private final JWSHeader ownHeader;

    /** @throws IllegalStateException if {@code ownHeader}, the header we sign with, is not one this parser accepts */
    JsonWebTokenParser(JWSHeader ownHeader) {
        this.algorithm = ownHeader.getAlgorithm();
        this.ownHeaderPart = ownHeader.toBase64URL().toString();
        try {
            this.ownHeader = header(ownHeaderPart);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("the header we sign with is not one we would accept", e);
        }
    }

    /** @throws TokenRejected (invalid) or ParseException if {@code token} is not a JWS as described above */
    Jws parse(String token) throws ParseException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid();
        }
        JWSHeader header = parts[0].equals(ownHeaderPart) ? ownHeader : header(parts[0]);
        byte[] payload = canonicalBase64Url(parts[1]);
        byte[] signature = canonicalBase64Url(parts[2]);
        // The header and payload parts as they came, with the dot between them.
        byte[] signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        return new Jws(header, signingInput, signature, payload);
    }

    /** The claims set of a token whose signature verified, as {@link StrictJson} reads it. */
    static Map<String, Object> claimsSet(Jws jws) {
        return jsonObject(jws.payload());
    }

    private JWSHeader header(String part) throws ParseException {
        Map<String, Object> json = jsonObject(canonicalBase64Url(part));
        checkHeader(json);
        return JWSHeader.parse(json, new Base64URL(part));
    }

    private void checkHeader(Map<String, Object> header) {
        if (!algorithm.getName().equals(header.get("alg"))) {
            throw invalid();
        }
        if (header.containsKey("typ") && !"JWT".equals(header.get("typ"))) {
            throw invalid();
        }
        if (REFUSED_HEADERS.stream().anyMatch(header::containsKey)) {
            throw invalid();
        }
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
        return StrictJson.object(utf8).orElseThrow(JsonWebTokenParser::invalid);
    }

    private static TokenRejected invalid() {
        return new TokenRejected(TokenRejected.Reason.INVALID);
    }
}
