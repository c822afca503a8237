package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.AsymmetricTokenCodecTest.thumbprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rotation without downtime: the next key is published before it signs, the retired key keeps verifying its tokens
 * while it is listed, and new tokens name the new key.
 */
class KeyRotationTest {

    private static final Instant NOW = Instant.ofEpochSecond(HandMadeTokens.ISSUED_AT);

    @TempDir
    Path folder;

    static Stream<String> algorithms() {
        return TestKeys.KEY_PAIR_ALGORITHMS.stream();
    }

    private static Claims access(String id) {
        return new Claims(TokenType.ACCESS, new TokenId(id), new UserId(1), NOW, NOW.plusSeconds(300), Optional.empty(),
                Optional.empty());
    }

    private static NimbusTokenCodec codec(SigningKeys keys) {
        return new NimbusTokenCodec(keys, Optional.empty(), Optional.empty());
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private static void assertRejected(NimbusTokenCodec codec, String token) {
        assertThatThrownBy(() -> codec.decode(token)).isInstanceOfSatisfying(TokenRejected.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void aRetiredKeyVerifiesItsTokensWhileListedAndNewTokensNameTheNewKey(String algorithm) throws Exception {
        JWK oldPair = TestKeys.pair(algorithm, "current");
        JWK newPair = TestKeys.pair(algorithm, "next");
        SigningKeys before = TestKeys.signingKeys(algorithm, "current");
        String oldToken = codec(before).encode(access("old-token-00000001"));
        // The operator keeps what the JWKS endpoint served before the switch, as a file.
        Path retired = Files.writeString(folder.resolve("retired.json"), TestKeys.jwksJson(before.published().orElseThrow()));

        SigningKeys after = TestKeys.load(algorithm, TestKeys.pem(algorithm, "next"), Optional.empty(),
                Optional.of(retired.toString()));
        NimbusTokenCodec rotated = codec(after);
        String newToken = rotated.encode(access("new-token-00000001"));

        assertThat(rotated.decode(oldToken)).isEqualTo(access("old-token-00000001"));
        assertThat(kidOf(oldToken)).isEqualTo(thumbprint(oldPair));
        assertThat(kidOf(newToken)).isEqualTo(thumbprint(newPair));
        assertThat(rotated.decode(newToken)).isEqualTo(access("new-token-00000001"));
        assertRejected(codec(before), newToken);
        assertThat(after.published().orElseThrow().keys()).extracting(key -> key.get("kid"))
                .containsExactly(thumbprint(newPair), thumbprint(oldPair));

        NimbusTokenCodec retiredForGood = codec(TestKeys.signingKeys(algorithm, "next"));
        assertRejected(retiredForGood, oldToken);
        assertThat(retiredForGood.decode(newToken)).isNotNull();
    }

    @Test
    void theNextKeyIsPublishedBeforeItSignsAndMayStayListedAfterwards() {
        String nextJwk = TestKeys.jwksJson(TestKeys.signingKeys("ES256", "next").published().orElseThrow());

        SigningKeys announcing = TestKeys.load("ES256", TestKeys.pem("ES256", "current"), Optional.empty(), Optional.of(nextJwk));
        String token = codec(announcing).encode(access("announce-0000001"));
        assertThat(kidOf(token)).as("the current key still signs").isEqualTo(thumbprint(TestKeys.pair("ES256", "current")));
        assertThat(announcing.published().orElseThrow().keys()).extracting(key -> key.get("kid"))
                .containsExactly(thumbprint(TestKeys.pair("ES256", "current")), thumbprint(TestKeys.pair("ES256", "next")));

        String both = TestKeys.jwksJson(announcing.published().orElseThrow());
        SigningKeys switched = TestKeys.load("ES256", TestKeys.pem("ES256", "next"), Optional.empty(), Optional.of(both));
        assertThat(switched.published().orElseThrow().keys()).as("the signing key is listed once")
                .extracting(key -> key.get("kid"))
                .containsExactly(thumbprint(TestKeys.pair("ES256", "next")), thumbprint(TestKeys.pair("ES256", "current")));
        assertThat(codec(switched).decode(token)).isEqualTo(access("announce-0000001"));
    }

    @Test
    void aRetiredKeyKeepsTheKidItWasPublishedUnder() {
        SigningKeys named = TestKeys.load("RS256", TestKeys.pem("RS256", "current"), Optional.of("2025-key"), Optional.empty());
        String token = codec(named).encode(access("named-key-000001"));

        SigningKeys after = TestKeys.load("RS256", TestKeys.pem("RS256", "next"), Optional.of("2026-key"),
                Optional.of(TestKeys.jwksJson(named.published().orElseThrow())));

        assertThat(codec(after).decode(token)).isEqualTo(access("named-key-000001"));
        assertThat(after.published().orElseThrow().keys()).extracting(key -> key.get("kid"))
                .containsExactly("2026-key", "2025-key");
    }

    @Test
    void acceptsASingleJwkAsKeysGeneratePrintsIt() {
        GeneratedKeyPair next = GeneratedKeyPair.generate("ES384", Optional.empty());

        SigningKeys keys = TestKeys.load("ES384", TestKeys.pem("ES384", "current"), Optional.empty(),
                Optional.of(next.publicJwk()));

        assertThat(keys.published().orElseThrow().keys()).hasSize(2);
    }

    @Test
    void refusesTwoDifferentKeysUnderOneKid() {
        String impostor = TestKeys.jwksJson(TestKeys.load("ES256", TestKeys.pem("ES256", "attacker"), Optional.of("main"),
                Optional.empty()).published().orElseThrow());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestKeys.load("ES256", TestKeys.pem("ES256", "current"), Optional.of("main"),
                        Optional.of(impostor)))
                .withMessageContaining("\"main\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi"})
    void refusesPrivateKeyMaterialAmongTheVerificationKeysWithoutShowingIt(String member) {
        JWK pair = TestKeys.pair("RS256", "next");
        Map<String, Object> json = pair.toJSONObject();
        json.keySet().retainAll(Set.of("kty", "n", "e", member));
        String text = JSONObjectUtils.toJSONString(json);
        String secret = String.valueOf(json.get(member));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestKeys.load("RS256", TestKeys.pem("RS256", "current"), Optional.empty(), Optional.of(text)))
                .withMessageNotContaining(secret.substring(0, 20));
    }

    @Test
    void refusesAPrivateJwkAmongTheVerificationKeys() {
        String privateJwk = TestKeys.pair("ES256", "next").toJSONString();
        String privateMember = TestKeys.pair("ES256", "next").toECKey().getD().toString();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestKeys.load("ES256", TestKeys.pem("ES256", "current"), Optional.empty(),
                        Optional.of(privateJwk)))
                .withMessageContaining("private key material")
                .withMessageNotContaining(privateMember);
    }

    @Test
    void refusesVerificationKeysThatDoNotFitTheAlgorithm() {
        String rsa = TestKeys.pair("RS256", "next").toPublicJWK().toJSONString();
        String p384 = TestKeys.pair("ES384", "next").toPublicJWK().toJSONString();
        ECKey fitting = TestKeys.pair("ES256", "next").toECKey().toPublicJWK();
        String otherAlg = new ECKey.Builder(fitting).algorithm(JWSAlgorithm.ES384).build().toJSONString();
        String encryption = new ECKey.Builder(fitting).keyUse(KeyUse.ENCRYPTION).build().toJSONString();
        String secret = "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0\"}";

        for (String jwk : new String[] {rsa, p384, otherAlg, encryption, secret}) {
            assertThatIllegalArgumentException().as(jwk)
                    .isThrownBy(() -> TestKeys.load("ES256", TestKeys.pem("ES256", "current"), Optional.empty(), Optional.of(jwk)))
                    .withMessageContaining("auth.verification-keys");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"keys\":", "{\"keys\":[{\"kty\":\"RSA\"}]}", "{\"keys\":{}}", "{\"kty\":\"nope\"}", "{}"})
    void refusesVerificationKeysThatAreNotJwks(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestKeys.load("ES256", TestKeys.pem("ES256", "current"), Optional.empty(), Optional.of(text)))
                .withMessageContaining("auth.verification-keys");
    }
}
