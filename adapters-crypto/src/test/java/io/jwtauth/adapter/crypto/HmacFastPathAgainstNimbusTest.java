package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.HandMadeTokens.SECRET;
import static io.jwtauth.adapter.crypto.HandMadeTokens.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HmacKey} signs and verifies with the JDK's {@code Mac} directly, for speed; Nimbus' {@link MACSigner} and
 * {@link MACVerifier} are the reference it must agree with. Tokens made by one are verified by the other, both ways, and
 * a token tampered with in any part is refused by both.
 */
class HmacFastPathAgainstNimbusTest {

    private static final Instant NOW = Instant.ofEpochSecond(HandMadeTokens.ISSUED_AT);
    private static final Claims CLAIMS = new Claims(TokenType.ACCESS, new TokenId("0123456789abcdef0123456789abcdef"),
            new UserId(42), NOW, NOW.plusSeconds(300), Optional.empty(), Optional.empty());

    private static NimbusTokenCodec codec(String algorithm) {
        return new NimbusTokenCodec(keys(algorithm, SECRET), Optional.empty(), Optional.empty());
    }

    private static MACVerifier nimbusVerifier() throws Exception {
        return new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    private static String nimbusToken(String algorithm) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm)).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder()
                        .claim("token_type", "access")
                        .expirationTime(Date.from(NOW.plusSeconds(300)))
                        .issueTime(Date.from(NOW))
                        .jwtID("0123456789abcdef0123456789abcdef")
                        .claim("user_id", "42")
                        .build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** The token with one character of part {@code part} (0 header, 1 claims, 2 signature) changed. */
    private static String tampered(String token, int part) {
        String[] parts = token.split("\\.");
        char[] chars = parts[part].toCharArray();
        // Not the last character, whose spare bits might not count; 'A' and 'B' differ in the lowest bit.
        int at = chars.length / 2;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        parts[part] = new String(chars);
        return String.join(".", parts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void signsTheSameBytesAsNimbus(String algorithm) throws Exception {
        HmacKey fast = new HmacKey(JWSAlgorithm.parse(algorithm), SECRET);
        byte[] input = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9".getBytes(StandardCharsets.US_ASCII);

        assertThat(fast.sign(input)).isEqualTo(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)).sign(fast.header(), input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void nimbusVerifiesOurTokensAndRefusesThemTamperedWith(String algorithm) throws Exception {
        String token = codec(algorithm).encode(CLAIMS);

        assertThat(SignedJWT.parse(token).verify(nimbusVerifier())).isTrue();
        for (int part = 0; part < 3; part++) {
            String changed = tampered(token, part);
            boolean verified;
            try {
                verified = SignedJWT.parse(changed).verify(nimbusVerifier());
            } catch (java.text.ParseException | com.nimbusds.jose.JOSEException unreadable) {
                verified = false;
            }
            assertThat(verified).as("part %d changed: %s", part, changed).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void weVerifyNimbusTokensAndRefuseThemTamperedWith(String algorithm) throws Exception {
        String token = nimbusToken(algorithm);

        assertThat(codec(algorithm).decode(token)).isEqualTo(CLAIMS);
        for (int part = 0; part < 3; part++) {
            String changed = tampered(token, part);
            assertThatThrownBy(() -> codec(algorithm).decode(changed)).as("part %s changed", part)
                    .isInstanceOfSatisfying(TokenRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void theFastPathAndNimbusAgreeOnEverySignatureOfATamperedToken(String algorithm) throws Exception {
        HmacKey fast = new HmacKey(JWSAlgorithm.parse(algorithm), SECRET);
        SignedJWT nimbus = SignedJWT.parse(nimbusToken(algorithm));
        byte[] input = nimbus.getSigningInput();
        byte[] signature = nimbus.getSignature().decode();

        assertThat(fast.verify(nimbus.getHeader(), input, signature)).isTrue();
        for (int bit = 0; bit < signature.length * 8; bit += 7) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(fast.verify(nimbus.getHeader(), input, flipped)).as("bit %d flipped", bit).isFalse();
            assertThat(nimbusVerifier().verify(nimbus.getHeader(), input, com.nimbusds.jose.util.Base64URL.encode(flipped)))
                    .isFalse();
        }
    }
}
