package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.HandMadeTokens.accessClaims;
import static io.jwtauth.adapter.crypto.HandMadeTokens.json;
import static io.jwtauth.adapter.crypto.HandMadeTokens.part;
import static io.jwtauth.adapter.crypto.HandMadeTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RS256/384/512, PS256 and ES256/384/512: issue, verify, refuse what was tampered with or forged. */
class AsymmetricTokenCodecTest {

    private static final Instant ISSUED = Instant.ofEpochSecond(HandMadeTokens.ISSUED_AT);

    static Stream<String> algorithms() {
        return TestKeys.KEY_PAIR_ALGORITHMS.stream();
    }

    static Stream<String> ecdsaAlgorithms() {
        return Stream.of("ES256", "ES384", "ES512");
    }

    static Stream<Arguments> algorithmsAndKeyMaterialHeaders() {
        return algorithms().flatMap(algorithm -> Stream.of(
                "\"jwk\":" + publicJwkJson(TestKeys.pair(algorithm, "current")),
                "\"jku\":\"https://attacker.example/jwks.json\"",
                "\"x5u\":\"https://attacker.example/cert.pem\"",
                "\"x5c\":[\"MIIB\"]").map(parameter -> Arguments.of(algorithm, parameter)));
    }

    private static NimbusTokenCodec codec(String algorithm) {
        return new NimbusTokenCodec(TestKeys.signingKeys(algorithm, "current"), Optional.empty(), Optional.empty());
    }

    private static Claims claims(TokenType type) {
        return new Claims(type, new TokenId(HandMadeTokens.TOKEN_ID), new UserId(1), ISSUED, ISSUED.plusSeconds(300),
                Optional.empty(), type == TokenType.REFRESH ? Optional.of(new FamilyId(HandMadeTokens.FAMILY_ID)) : Optional.empty());
    }

    static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicJwkJson(JWK key) {
        return key.toPublicJWK().toJSONString();
    }

    private static String header(String algorithm, String kid) {
        return "{\"alg\":\"" + algorithm + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
    }

    /** Signs the header and payload exactly as spelled, with {@code key}, by the algorithm {@code algorithm}. */
    static String signedWith(JWK key, String algorithm, String headerJson, String payloadJson) {
        String signingInput = part(headerJson) + "." + part(payloadJson);
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            Base64URL signature = signer.sign(new JWSHeader(JWSAlgorithm.parse(algorithm)),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ourToken(String algorithm, String headerJson) {
        return signedWith(TestKeys.pair(algorithm, "current"), algorithm, headerJson, json(accessClaims()));
    }

    private static void assertRejected(NimbusTokenCodec codec, String token) {
        assertThatThrownBy(() -> codec.decode(token)).isInstanceOfSatisfying(TokenRejected.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }

    private static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void issuesAndVerifiesAccessAndRefreshTokens(String algorithm) {
        NimbusTokenCodec codec = codec(algorithm);

        for (TokenType type : TokenType.values()) {
            assertThat(codec.decode(codec.encode(claims(type)))).isEqualTo(claims(type));
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void namesTheKeyByItsThumbprintInPyJwtsHeaderOrder(String algorithm) {
        String token = codec(algorithm).encode(claims(TokenType.ACCESS));

        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo(header(algorithm, thumbprint(TestKeys.pair(algorithm, "current"))));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void namesTheKeyByTheConfiguredKeyId(String algorithm) {
        SigningKeys keys = TestKeys.load(algorithm, TestKeys.pem(algorithm, "current"), Optional.of("2026-01.main"),
                Optional.empty());
        NimbusTokenCodec codec = new NimbusTokenCodec(keys, Optional.empty(), Optional.empty());
        String token = codec.encode(claims(TokenType.ACCESS));

        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo(header(algorithm, "2026-01.main"));
        assertThat(codec.decode(token)).isEqualTo(claims(TokenType.ACCESS));
        assertThat(keys.published().orElseThrow().keys()).singleElement()
                .satisfies(key -> assertThat(key).containsEntry("kid", "2026-01.main"));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void publishesOnlyThePublicKeyWithUseAlgAndKid(String algorithm) {
        JWK pair = TestKeys.pair(algorithm, "current");
        List<Map<String, String>> keys = TestKeys.signingKeys(algorithm, "current").published().orElseThrow().keys();

        assertThat(keys).hasSize(1);
        Map<String, String> key = keys.get(0);
        assertThat(key).containsEntry("use", "sig").containsEntry("alg", algorithm).containsEntry("kid", thumbprint(pair));
        if (algorithm.startsWith("ES")) {
            ECKey ec = pair.toECKey();
            assertThat(key).containsOnlyKeys("kty", "use", "alg", "kid", "crv", "x", "y")
                    .containsEntry("kty", "EC").containsEntry("crv", ec.getCurve().getName())
                    .containsEntry("x", ec.getX().toString()).containsEntry("y", ec.getY().toString());
        } else {
            RSAKey rsa = pair.toRSAKey();
            assertThat(key).containsOnlyKeys("kty", "use", "alg", "kid", "n", "e")
                    .containsEntry("kty", "RSA")
                    .containsEntry("n", rsa.getModulus().toString()).containsEntry("e", rsa.getPublicExponent().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesATamperedPayload(String algorithm) {
        String[] parts = codec(algorithm).encode(claims(TokenType.ACCESS)).split("\\.");
        var claims = accessClaims();
        claims.put("user_id", "\"2\"");

        assertRejected(codec(algorithm), parts[0] + "." + part(json(claims)) + "." + parts[2]);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesATamperedSignature(String algorithm) {
        String token = codec(algorithm).encode(claims(TokenType.ACCESS));
        int middle = token.lastIndexOf('.') + 10;
        char replaced = token.charAt(middle) == 'A' ? 'B' : 'A';

        assertRejected(codec(algorithm), token.substring(0, middle) + replaced + token.substring(middle + 1));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesATokenSignedByAnotherKeyUnderOurKid(String algorithm) {
        String ourKid = thumbprint(TestKeys.pair(algorithm, "current"));
        String forged = signedWith(TestKeys.pair(algorithm, "attacker"), algorithm, header(algorithm, ourKid),
                json(accessClaims()));

        assertRejected(codec(algorithm), forged);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesAMissingUnknownOrMistypedKidEvenWhenOurKeySigned(String algorithm) {
        NimbusTokenCodec codec = codec(algorithm);

        assertRejected(codec, ourToken(algorithm, "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}"));
        assertRejected(codec, ourToken(algorithm, header(algorithm, "unknown")));
        assertRejected(codec, ourToken(algorithm, "{\"alg\":\"" + algorithm + "\",\"kid\":1,\"typ\":\"JWT\"}"));
        assertRejected(codec, ourToken(algorithm, "{\"alg\":\"" + algorithm + "\",\"kid\":null,\"typ\":\"JWT\"}"));
        assertThat(codec.decode(ourToken(algorithm, header(algorithm, thumbprint(TestKeys.pair(algorithm, "current"))))))
                .as("the same token with our kid is fine").isNotNull();
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndKeyMaterialHeaders")
    void refusesKeyMaterialInTheHeaderEvenWhenOurKeySigned(String algorithm, String parameter) {
        String kid = thumbprint(TestKeys.pair(algorithm, "current"));
        String header = "{\"alg\":\"" + algorithm + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"," + parameter + "}";

        assertRejected(codec(algorithm), ourToken(algorithm, header));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void neverVerifiesWithAKeyTheTokenBrings(String algorithm) {
        JWK attacker = TestKeys.pair(algorithm, "attacker");
        for (String kid : List.of(thumbprint(attacker), thumbprint(TestKeys.pair(algorithm, "current")))) {
            String header = "{\"alg\":\"" + algorithm + "\",\"jwk\":" + publicJwkJson(attacker) + ",\"kid\":\"" + kid
                    + "\",\"typ\":\"JWT\"}";

            assertRejected(codec(algorithm), signedWith(attacker, algorithm, header, json(accessClaims())));
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesEveryOtherKeyPairAlgorithmUnderOurKid(String algorithm) {
        JWK ours = TestKeys.pair(algorithm, "current");
        for (String other : TestKeys.KEY_PAIR_ALGORITHMS) {
            if (other.equals(algorithm)) {
                continue;
            }
            // One RSA key makes every RS and PS signature; an EC key only its own curve's, so others sign with theirs.
            JWK signer = isRsa(other) && isRsa(algorithm) ? ours : TestKeys.pair(other, "current");
            String token = signedWith(signer, other, header(other, thumbprint(ours)), json(accessClaims()));

            assertRejected(codec(algorithm), token);
        }
    }

    private static boolean isRsa(String algorithm) {
        return !algorithm.startsWith("ES");
    }

    /**
     * Algorithm confusion: the public key is public, so a verifier that let the token choose HS256 would check an
     * HMAC keyed with it. Every spelling of our public key an attacker might try is refused.
     */
    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesAnHmacTokenKeyedWithOurPublicKey(String algorithm) throws Exception {
        JWK ours = TestKeys.pair(algorithm, "current");
        String kid = thumbprint(ours);
        SigningKeys keys = TestKeys.signingKeys(algorithm, "current");
        byte[] der = ours instanceof RSAKey rsa ? rsa.toPublicKey().getEncoded() : ours.toECKey().toPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        List<String> secrets = List.of(pem, pem.strip(), publicJwkJson(ours), TestKeys.jwksJson(keys.published().orElseThrow()),
                new String(der, StandardCharsets.ISO_8859_1));

        for (String secret : secrets) {
            for (String headerAlgorithm : List.of("HS256", "HS384", "HS512", algorithm)) {
                String header = header(headerAlgorithm, kid);
                String jce = "Hmac" + (headerAlgorithm.startsWith("HS") ? "SHA" + headerAlgorithm.substring(2) : "SHA256");
                String token = signed(part(header), part(json(accessClaims())), jce, secret);

                assertRejected(codec(algorithm), token);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void refusesAlgNone(String algorithm) {
        String kid = thumbprint(TestKeys.pair(algorithm, "current"));

        assertRejected(codec(algorithm), part(header("none", kid)) + "." + part(json(accessClaims())) + ".");
        assertRejected(codec(algorithm), part(header(algorithm, kid)) + "." + part(json(accessClaims())) + ".");
    }

    /** CVE-2022-21449 ("psychic signatures"): Java 15 to 18 accepted r = s = 0 for any message and key. */
    @ParameterizedTest
    @MethodSource("ecdsaAlgorithms")
    void refusesEcdsaSignaturesOfZerosOrOfTheCurveOrder(String algorithm) throws Exception {
        JWK ours = TestKeys.pair(algorithm, "current");
        String token = ourToken(algorithm, header(algorithm, thumbprint(ours)));
        int length = ECDSA.getSignatureByteArrayLength(JWSAlgorithm.parse(algorithm));
        byte[] valid = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        BigInteger order = ours.toECKey().toECPublicKey().getParams().getOrder();
        byte[] n = fixedLength(order, length / 2);

        assertThat(codec(algorithm).decode(token)).as("the untouched token is fine").isNotNull();
        assertRejected(codec(algorithm), withSignature(token, new byte[length]));
        byte[] zeroR = valid.clone();
        Arrays.fill(zeroR, 0, length / 2, (byte) 0);
        assertRejected(codec(algorithm), withSignature(token, zeroR));
        byte[] zeroS = valid.clone();
        Arrays.fill(zeroS, length / 2, length, (byte) 0);
        assertRejected(codec(algorithm), withSignature(token, zeroS));
        byte[] orders = new byte[length];
        System.arraycopy(n, 0, orders, 0, n.length);
        System.arraycopy(n, 0, orders, n.length, n.length);
        assertRejected(codec(algorithm), withSignature(token, orders));
    }

    @ParameterizedTest
    @MethodSource("ecdsaAlgorithms")
    void refusesAnEcdsaSignatureInDerRatherThanJoseForm(String algorithm) throws Exception {
        String token = ourToken(algorithm, header(algorithm, thumbprint(TestKeys.pair(algorithm, "current"))));
        byte[] joseForm = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));

        assertRejected(codec(algorithm), withSignature(token, ECDSA.transcodeSignatureToDER(joseForm)));
    }

    private static byte[] fixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[length];
        int copied = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copied, fixed, length - copied, copied);
        return fixed;
    }

    @Test
    void refusesEveryMutationOfAValidTokenWithoutAnyOtherException() {
        String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %";
        Random random = new Random(42);
        for (String algorithm : List.of("PS256", "ES256")) {
            NimbusTokenCodec codec = codec(algorithm);
            String token = codec.encode(claims(TokenType.REFRESH));
            for (int i = 0; i < 600; i++) {
                int position = random.nextInt(token.length());
                String mutated = switch (i % 3) {
                    case 0 -> token.substring(0, position) + characters.charAt(random.nextInt(characters.length()))
                            + token.substring(position + 1);
                    case 1 -> token.substring(0, position);
                    default -> token.substring(0, position) + token.substring(position + 1);
                };
                if (!mutated.equals(token)) {
                    assertRejected(codec, mutated);
                }
            }
        }
    }

    @Test
    void keyPairAlgorithmsAreExactlyTheContractsOnes() {
        assertThat(KeyPairAlgorithms.ALGORITHMS).extracting(JWSAlgorithm::getName)
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(TestKeys.KEY_PAIR_ALGORITHMS));
    }
}
