package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.HandMadeTokens.EXPIRES_AT;
import static io.jwtauth.adapter.crypto.HandMadeTokens.HS256_HEADER;
import static io.jwtauth.adapter.crypto.HandMadeTokens.SECRET;
import static io.jwtauth.adapter.crypto.HandMadeTokens.accessClaims;
import static io.jwtauth.adapter.crypto.HandMadeTokens.hs256;
import static io.jwtauth.adapter.crypto.HandMadeTokens.json;
import static io.jwtauth.adapter.crypto.HandMadeTokens.keys;
import static io.jwtauth.adapter.crypto.HandMadeTokens.part;
import static io.jwtauth.adapter.crypto.HandMadeTokens.refreshClaims;
import static io.jwtauth.adapter.crypto.HandMadeTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NimbusTokenCodecTest {

    private static final Instant ISSUED = Instant.ofEpochSecond(HandMadeTokens.ISSUED_AT);
    private static final TokenId ID = new TokenId(HandMadeTokens.TOKEN_ID);
    private static final FamilyId FAMILY = new FamilyId(HandMadeTokens.FAMILY_ID);

    private final NimbusTokenCodec codec = hs256Codec(Optional.empty(), Optional.empty());

    private static NimbusTokenCodec hs256Codec(Optional<String> issuer, Optional<String> audience) {
        return new NimbusTokenCodec(keys("HS256", SECRET), issuer, audience);
    }

    private static Claims claims(TokenType type, Optional<Instant> notBefore) {
        return new Claims(type, ID, new UserId(1), ISSUED, ISSUED.plusSeconds(300), notBefore,
                type == TokenType.REFRESH ? Optional.of(FAMILY) : Optional.empty());
    }

    private static void assertRejected(NimbusTokenCodec codec, String token) {
        assertThatThrownBy(() -> codec.decode(token)).isInstanceOfSatisfying(TokenRejected.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }

    private void assertRejected(String token) {
        assertRejected(codec, token);
    }

    private static Map<String, Object> jsonOfPart(String token, int index) throws ParseException {
        String part = token.split("\\.")[index];
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    static Stream<Arguments> algorithmsAndTypes() {
        return Stream.of("HS256", "HS384", "HS512").flatMap(algorithm -> Stream.of(TokenType.values())
                .map(type -> Arguments.of(algorithm, type)));
    }

    @Nested
    class Encoding {

        @ParameterizedTest
        @MethodSource("io.jwtauth.adapter.crypto.NimbusTokenCodecTest#algorithmsAndTypes")
        void roundTrips(String algorithm, TokenType type) {
            var codec = new NimbusTokenCodec(keys(algorithm, SECRET), Optional.of("https://auth.example"), Optional.of("api"));
            Claims claims = claims(type, Optional.empty());
            Claims withNotBefore = claims(type, Optional.of(ISSUED.plusSeconds(10)));

            assertThat(codec.decode(codec.encode(claims))).isEqualTo(claims);
            assertThat(codec.decode(codec.encode(withNotBefore))).isEqualTo(withNotBefore);
        }

        @ParameterizedTest
        @ValueSource(strings = {"HS256", "HS384", "HS512"})
        void writesOnlyAlgAndTypInTheHeader(String algorithm) {
            String token = new NimbusTokenCodec(keys(algorithm, SECRET), Optional.empty(), Optional.empty())
                    .encode(claims(TokenType.ACCESS, Optional.empty()));

            String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
            assertThat(header).isEqualTo("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}");
        }

        @Test
        void writesSimplejwtClaimsAndTheSubjectWithTheUserIdAsAString() throws ParseException {
            var payload = jsonOfPart(codec.encode(claims(TokenType.ACCESS, Optional.empty())), 1);

            assertThat(payload).isEqualTo(Map.of(
                    "token_type", "access",
                    "exp", EXPIRES_AT,
                    "iat", HandMadeTokens.ISSUED_AT,
                    "jti", HandMadeTokens.TOKEN_ID,
                    "user_id", "1",
                    "sub", "1"));
        }

        @Test
        void writesTheSubjectOnRefreshTokensToo() throws ParseException {
            var claims = new Claims(TokenType.REFRESH, ID, new UserId(9_007_199_254_740_993L), ISSUED,
                    ISSUED.plusSeconds(300), Optional.empty(), Optional.of(FAMILY));
            var payload = jsonOfPart(codec.encode(claims), 1);

            assertThat(payload).containsEntry("user_id", "9007199254740993").containsEntry("sub", "9007199254740993");
        }

        @Test
        void writesFamilyNotBeforeIssuerAndAudienceWhereTheyApply() throws ParseException {
            var codec = hs256Codec(Optional.of("https://auth.example"), Optional.of("api"));
            var payload = jsonOfPart(codec.encode(claims(TokenType.REFRESH, Optional.of(ISSUED.plusSeconds(10)))), 1);

            assertThat(payload)
                    .containsEntry("token_type", "refresh")
                    .containsEntry("family_id", HandMadeTokens.FAMILY_ID)
                    .containsEntry("nbf", HandMadeTokens.ISSUED_AT + 10)
                    .containsEntry("iss", "https://auth.example")
                    .containsEntry("aud", "api");
        }
    }

    @Nested
    class Construction {

        @ParameterizedTest
        @CsvSource({"HS256, 32", "HS384, 48", "HS512, 64"})
        void refusesAKeyShorterThanTheHash(String algorithm, int minimum) {
            String tooShort = "k".repeat(minimum - 1);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new NimbusTokenCodec(keys(algorithm, tooShort), Optional.empty(), Optional.empty()))
                    .withMessageContaining(algorithm)
                    .withMessageContaining(Integer.toString(minimum))
                    .withMessageNotContaining(tooShort);
            new NimbusTokenCodec(keys(algorithm, "k".repeat(minimum)), Optional.empty(), Optional.empty());
        }

        @Test
        void countsTheKeyInUtf8Bytes() {
            new NimbusTokenCodec(keys("HS256", "é".repeat(16)), Optional.empty(), Optional.empty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "hs256", "PS384", "PS512", "ES256K", "EdDSA"})
        void refusesAlgorithmsItDoesNotImplement(String algorithm) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new NimbusTokenCodec(keys(algorithm, SECRET), Optional.empty(), Optional.empty()))
                    .withMessageContaining(algorithm);
        }

        @Test
        void refusesABlankIssuerOrAudience() {
            assertThatIllegalArgumentException().isThrownBy(() -> hs256Codec(Optional.of(" "), Optional.empty()));
            assertThatIllegalArgumentException().isThrownBy(() -> hs256Codec(Optional.empty(), Optional.of("")));
        }
    }

    @Nested
    class Signature {

        @Test
        void acceptsAHandMadeTokenWithTheRightClaims() {
            assertThat(codec.decode(hs256(accessClaims()))).isEqualTo(claims(TokenType.ACCESS, Optional.empty()));
            assertThat(codec.decode(hs256(refreshClaims()))).isEqualTo(claims(TokenType.REFRESH, Optional.empty()));
        }

        @Test
        void refusesATamperedPayload() {
            String[] parts = codec.encode(claims(TokenType.ACCESS, Optional.empty())).split("\\.");
            var claims = accessClaims();
            claims.put("user_id", "\"2\"");

            assertRejected(parts[0] + "." + part(json(claims)) + "." + parts[2]);
        }

        @Test
        void refusesATamperedSignature() {
            String token = codec.encode(claims(TokenType.ACCESS, Optional.empty()));
            int middle = token.lastIndexOf('.') + 10;
            char replaced = token.charAt(middle) == 'A' ? 'B' : 'A';

            assertRejected(token.substring(0, middle) + replaced + token.substring(middle + 1));
        }

        @Test
        void refusesAnotherKey() {
            assertRejected(signed(part(HS256_HEADER), part(json(accessClaims())), "HmacSHA256", SECRET + "x"));
        }

        @Test
        void signsAndVerifiesOnManyThreadsAtOnce() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    Claims claims = new Claims(TokenType.ACCESS, ID, new UserId(i + 1), ISSUED, ISSUED.plusSeconds(300),
                            Optional.empty(), Optional.empty());
                    results.add(threads.submit(() -> {
                        for (int round = 0; round < 200; round++) {
                            if (!codec.decode(codec.encode(claims)).equals(claims)) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void refusesAnEmptySignature() {
            assertRejected(part(HS256_HEADER) + "." + part(json(accessClaims())) + ".");
        }
    }

    @Nested
    class Header {

        @Test
        void refusesAlgNone() {
            assertRejected(part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(json(accessClaims())) + ".");
        }

        @Test
        void refusesAnotherHmacAlgorithmEvenWithTheRightKey() {
            assertRejected(signed(part("{\"alg\":\"HS512\",\"typ\":\"JWT\"}"), part(json(accessClaims())), "HmacSHA512", SECRET));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"typ\":\"JWT\"}", "{\"alg\":\"hs256\"}", "{\"alg\":[\"HS256\"]}", "{\"alg\":null}"})
        void refusesAMissingOrMisspelledAlg(String header) {
            assertRejected(hs256(header, json(accessClaims())));
        }

        @Test
        void acceptsOurHeaderSpelledAnotherWay() {
            // Nimbus and many other libraries put typ first; our own spelling is read once, any other in full.
            assertThat(codec.decode(hs256("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", json(accessClaims()))))
                    .isEqualTo(claims(TokenType.ACCESS, Optional.empty()));
            assertThat(codec.decode(hs256("{ \"alg\": \"HS256\", \"typ\": \"JWT\" }", json(accessClaims()))))
                    .isEqualTo(claims(TokenType.ACCESS, Optional.empty()));
        }

        @Test
        void acceptsAMissingTyp() {
            assertThat(codec.decode(hs256("{\"alg\":\"HS256\"}", json(accessClaims())))).isNotNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"at+jwt\"", "\"jwt\"", "1", "null"})
        void refusesAnotherTyp(String typ) {
            assertRejected(hs256("{\"alg\":\"HS256\",\"typ\":" + typ + "}", json(accessClaims())));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "\"crit\":[\"exp\"],\"exp\":1",
                "\"crit\":[]",
                "\"jku\":\"https://attacker.example/jwks.json\"",
                "\"jwk\":{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}",
                "\"x5u\":\"https://attacker.example/cert.pem\"",
                "\"x5c\":[\"MIIB\"]",
                "\"x5t\":\"dGh1bWI\"",
                "\"x5t#S256\":\"dGh1bWI\"",
                "\"b64\":false"})
        void refusesCriticalAndKeyMaterialParameters(String parameter) {
            assertRejected(hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"," + parameter + "}", json(accessClaims())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[[\"alg\",\"HS256\"],[\"typ\",\"JWT\"]]", "\"HS256\"", "null", "", "{\"alg\":\"HS256\""})
        void refusesAHeaderThatIsNotAJsonObject(String header) {
            assertRejected(hs256(header, json(accessClaims())));
        }

        @Test
        void refusesADuplicatedParameter() {
            assertRejected(hs256("{\"alg\":\"none\",\"alg\":\"HS256\"}", json(accessClaims())));
        }
    }

    @Nested
    class Base64Url {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"abc", "a.b", "a.b.c", "a.b.c.d", "..", "a.b.c.d.e"})
        void refusesWhatIsNotThreeParts(String token) {
            assertRejected(token);
        }

        @Test
        void refusesPadding() {
            String header = part(HS256_HEADER);
            String payload = part(json(accessClaims()));
            assertThat(payload.length() % 4).as("the test needs a payload that would be padded").isNotZero();
            String padded = payload + "=".repeat(4 - payload.length() % 4);

            assertRejected(signed(header, padded, "HmacSHA256", SECRET));
            String token = hs256(accessClaims());
            assertRejected(token + "=");
        }

        @Test
        void refusesSpareBitsThatAreNotZero() {
            // An HS256 signature is 32 bytes in 43 characters; the last character carries 2 spare bits.
            String token = hs256(accessClaims());
            assertRejected(withLastCharacterBitFlipped(token, 1));
        }

        @Test
        void refusesFourSpareBitsThatAreNotZero() {
            var claims = accessClaims();
            String note = "";
            do {
                claims.put("note", "\"" + note + "\"");
                note += "x";
            } while (json(claims).length() % 3 != 1);
            // A payload of 3n + 1 bytes ends in a character that carries 4 spare bits.
            String payload = part(json(claims));
            String sameBytes = withLastCharacterBitFlipped(payload, 8);

            assertThat(codec.decode(signed(part(HS256_HEADER), payload, "HmacSHA256", SECRET)).userId().value()).isEqualTo(1L);
            assertRejected(signed(part(HS256_HEADER), sameBytes, "HmacSHA256", SECRET));
        }

        /** {@code text} with one bit of its last base64url character's value flipped. */
        private static String withLastCharacterBitFlipped(String text, int bit) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            char last = text.charAt(text.length() - 1);
            return text.substring(0, text.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ bit);
        }

        @Test
        void refusesTheStandardAlphabetAndOtherCharacters() {
            var claims = accessClaims();
            // Five question marks hold one aligned group of three, which base64 spells with '_'.
            claims.put("note", "\"?????\"");
            String urlSafe = part(json(claims));
            assertThat(urlSafe).contains("_");
            String standard = urlSafe.replace('-', '+').replace('_', '/');

            assertRejected(signed(part(HS256_HEADER), standard, "HmacSHA256", SECRET));
            assertRejected(signed(part(HS256_HEADER), urlSafe + " ", "HmacSHA256", SECRET));
        }

        @Test
        void refusesAPayloadThatIsNotUtf8() {
            byte[] latin1 = json(accessClaims()).replace("}", ",\"name\":\"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);

            assertRejected(signed(part(HS256_HEADER), part(latin1), "HmacSHA256", SECRET));
        }

        @Test
        void refusesAnOversizedTokenBeforeReadingIt() {
            var claims = accessClaims();
            claims.put("padding", "\"" + "x".repeat(5900) + "\"");
            String nearLimit = hs256(claims);
            assertThat(nearLimit.length()).isLessThanOrEqualTo(JsonWebTokenParser.MAX_TOKEN_LENGTH);
            assertThat(codec.decode(nearLimit)).isNotNull();

            claims.put("padding", "\"" + "x".repeat(6100) + "\"");
            String oversized = hs256(claims);
            assertThat(oversized.length()).isGreaterThan(JsonWebTokenParser.MAX_TOKEN_LENGTH);
            assertRejected(oversized);
        }

        @Test
        void refusesEveryMutationOfAValidTokenWithoutAnyOtherException() {
            String token = codec.encode(claims(TokenType.REFRESH, Optional.empty()));
            String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %";
            Random random = new Random(42);
            for (int i = 0; i < 2000; i++) {
                int position = random.nextInt(token.length());
                String mutated = switch (i % 3) {
                    case 0 -> token.substring(0, position) + characters.charAt(random.nextInt(characters.length()))
                            + token.substring(position + 1);
                    case 1 -> token.substring(0, position);
                    default -> token.substring(0, position) + token.substring(position + 1);
                };
                if (!mutated.equals(token)) {
                    assertRejected(mutated);
                }
            }
        }
    }

    @Nested
    class RequiredClaims {

        @ParameterizedTest
        @ValueSource(strings = {"token_type", "exp", "iat", "jti", "user_id"})
        void refusesAMissingClaim(String claim) {
            var claims = accessClaims();
            claims.remove(claim);

            assertRejected(hs256(claims));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "exp|\"1767261900\"",
                "exp|true",
                "exp|null",
                "exp|-1",
                "exp|1e300",
                "exp|99999999999999",
                "iat|\"1767261600\"",
                "iat|[1767261600]",
                "nbf|\"1767261600\"",
                "nbf|{}",
                "jti|12345678901234567890",
                "jti|\"short\"",
                "jti|\"has spaces in it, sixteen+\"",
                "token_type|1",
                "token_type|\"sliding\"",
                "token_type|\"ACCESS\"",
                "user_id|1",
                "user_id|\"01\"",
                "user_id|\"-1\"",
                "user_id|\"0\"",
                "user_id|\"one\"",
                "user_id|\"99999999999999999999\"",
                "user_id|null"})
        void refusesAWronglyTypedOrShapedClaim(String claim, String rawValue) {
            var claims = accessClaims();
            claims.put(claim, rawValue);

            assertRejected(hs256(claims));
        }

        @Test
        void acceptsAFractionalTimeAsItsWholeSeconds() {
            var claims = accessClaims();
            claims.put("exp", EXPIRES_AT + ".75");

            assertThat(codec.decode(hs256(claims)).expiresAt()).isEqualTo(Instant.ofEpochSecond(EXPIRES_AT));
        }

        @Test
        void readsNotBefore() {
            var claims = accessClaims();
            claims.put("nbf", Long.toString(EXPIRES_AT - 100));

            assertThat(codec.decode(hs256(claims)).notBefore()).contains(Instant.ofEpochSecond(EXPIRES_AT - 100));
        }

        @Test
        void refusesADuplicatedClaim() {
            String payload = json(accessClaims()).replace("}", ",\"user_id\":\"2\"}");

            assertRejected(hs256(HS256_HEADER, payload));
        }

        @Test
        void refusesAPayloadThatIsNotAJsonObject() {
            String pairs = "[[\"token_type\",\"access\"],[\"exp\",1767261900],[\"iat\",1767261600],"
                    + "[\"jti\",\"0123456789abcdef0123456789abcdef\"],[\"user_id\",\"1\"]]";

            assertRejected(hs256(HS256_HEADER, pairs));
        }

        @Test
        void ignoresClaimsItDoesNotKnow() {
            var claims = accessClaims();
            claims.put("scope", "[\"read\"]");

            assertThat(codec.decode(hs256(claims)).userId()).isEqualTo(new UserId(1));
        }
    }

    /**
     * {@code sub} repeats {@code user_id} for standard resource servers. Tokens made before it was written, or by
     * simplejwt with the same key, lack it and stay valid; one whose {@code sub} names someone else is malformed.
     */
    @Nested
    class Subject {

        @Test
        void acceptsATokenWithoutSubjectAsSimplejwtAndEarlierVersionsWriteIt() {
            assertThat(accessClaims()).doesNotContainKey("sub");

            assertThat(codec.decode(hs256(accessClaims()))).isEqualTo(claims(TokenType.ACCESS, Optional.empty()));
            assertThat(codec.decode(hs256(refreshClaims()))).isEqualTo(claims(TokenType.REFRESH, Optional.empty()));
        }

        @Test
        void acceptsASubjectThatIsTheUserId() {
            var access = accessClaims();
            access.put("sub", "\"1\"");
            var refresh = refreshClaims();
            refresh.put("sub", "\"1\"");

            assertThat(codec.decode(hs256(access))).isEqualTo(claims(TokenType.ACCESS, Optional.empty()));
            assertThat(codec.decode(hs256(refresh))).isEqualTo(claims(TokenType.REFRESH, Optional.empty()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"2\"", "\"01\"", "\" 1\"", "\"1 \"", "\"\"", "1", "1.0", "null", "true", "[\"1\"]",
                "{\"id\":\"1\"}"})
        void refusesASubjectThatIsNotTheUserIdSpelledTheSameWay(String rawSubject) {
            var access = accessClaims();
            access.put("sub", rawSubject);
            var refresh = refreshClaims();
            refresh.put("sub", rawSubject);

            assertRejected(hs256(access));
            assertRejected(hs256(refresh));
        }

        @Test
        void refusesADuplicatedSubject() {
            var claims = accessClaims();
            claims.put("sub", "\"1\"");
            String payload = json(claims).replace("}", ",\"sub\":\"2\"}");

            assertRejected(hs256(HS256_HEADER, payload));
        }
    }

    /** Both parts are JSON as RFC 8259 has it, and nothing looser, however validly signed. */
    @Nested
    class Json {

        private static String claimsWith(String tail) {
            String claims = json(accessClaims());
            return claims.substring(0, claims.length() - 1) + tail;
        }

        @ParameterizedTest
        @ValueSource(strings = {
                ",}",
                ",\"scope\":NaN}",
                ",\"scope\":Infinity}",
                ",\"scope\":012}",
                ",\"scope\":'read'}",
                ",scope:\"read\"}",
                ",\"scope\":[\"read\",]}",
                "/* a comment */}",
                "}{}",
                "}}",
                "} x",
                ",\"scope\":\"read\u0000\"}",
                ",\"scope\":[[[[[[[[[[[[[[[[[[[[\"deep\"]]]]]]]]]]]]]]]]]]]]}"})
        void refusesClaimsThatAreNotStrictJson(String tail) {
            assertRejected(hs256(HS256_HEADER, claimsWith(tail)));
        }

        @Test
        void refusesClaimsThatAreNotUtf8() {
            byte[] claims = claimsWith(",\"scope\":\"r\u00e9ad\"}").getBytes(StandardCharsets.ISO_8859_1);

            assertRejected(signed(part(HS256_HEADER), part(claims), "HmacSHA256", SECRET));
        }

        @Test
        void refusesAHeaderThatIsNotStrictJson() {
            assertRejected(hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",}", json(accessClaims())));
        }

        @Test
        void readsWhitespaceEscapesAndUnknownValuesOfEveryKind() {
            String claims = "{ \"token_type\" : \"\\u0061ccess\" ,\n\t\"exp\":" + EXPIRES_AT + ",\"iat\":1767261600,"
                    + "\"jti\":\"0123456789abcdef0123456789abcdef\",\"user_id\":\"1\",\"scope\":[\"read\",{\"x\":null}],"
                    + "\"admin\":false,\"level\":1.5e3,\"huge\":123456789012345678901234567890,\"name\":\"Zo\u00eb \\ud83d\\ude00\"} ";

            Claims read = codec.decode(hs256(HS256_HEADER, claims));

            assertThat(read.type()).isEqualTo(TokenType.ACCESS);
            assertThat(read.expiresAt()).isEqualTo(Instant.ofEpochSecond(EXPIRES_AT));
        }
    }

    @Nested
    class Family {

        @ParameterizedTest
        @ValueSource(strings = {"null", "123", "\"short\"", "[\"fedcba9876543210fedcba9876543210\"]"})
        void refusesARefreshTokenWithABadFamily(String rawFamily) {
            var claims = refreshClaims();
            claims.put("family_id", rawFamily);

            assertRejected(hs256(claims));
        }

        @Test
        void refusesARefreshTokenWithoutFamily() {
            var claims = refreshClaims();
            claims.remove("family_id");

            assertRejected(hs256(claims));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"fedcba9876543210fedcba9876543210\"", "null"})
        void refusesAnAccessTokenWithAFamily(String rawFamily) {
            var claims = accessClaims();
            claims.put("family_id", rawFamily);

            assertRejected(hs256(claims));
        }
    }

    @Nested
    class IssuerAndAudience {

        private final NimbusTokenCodec strict = hs256Codec(Optional.of("https://auth.example"), Optional.of("api"));

        private Map<String, String> claimsWith(String rawIssuer, String rawAudience) {
            var claims = accessClaims();
            if (rawIssuer != null) {
                claims.put("iss", rawIssuer);
            }
            if (rawAudience != null) {
                claims.put("aud", rawAudience);
            }
            return claims;
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"api\"", "[\"api\"]", "[\"other\",\"api\"]"})
        void acceptsTheConfiguredIssuerAndAnAudienceThatNamesUs(String rawAudience) {
            assertThat(strict.decode(hs256(claimsWith("\"https://auth.example\"", rawAudience)))).isNotNull();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "MISSING", value = {
                "MISSING|\"api\"",
                "\"https://other.example\"|\"api\"",
                "[\"https://auth.example\"]|\"api\"",
                "\"https://auth.example\"|MISSING",
                "\"https://auth.example\"|\"other\"",
                "\"https://auth.example\"|[\"other\"]",
                "\"https://auth.example\"|[\"api\",1]",
                "\"https://auth.example\"|[]",
                "\"https://auth.example\"|{\"api\":true}"})
        void refusesAnotherOrMissingIssuerOrAudience(String rawIssuer, String rawAudience) {
            assertRejected(strict, hs256(claimsWith(rawIssuer, rawAudience)));
        }

        @Test
        void ignoresIssuerAndAudienceWhenNoneIsConfigured() {
            // As simplejwt does: without AUDIENCE and ISSUER set, PyJWT is not asked to check them.
            assertThat(codec.decode(hs256(claimsWith("\"https://other.example\"", "\"other\"")))).isNotNull();
        }
    }
}
