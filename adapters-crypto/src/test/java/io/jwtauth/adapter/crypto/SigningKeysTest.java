package io.jwtauth.adapter.crypto;

import static io.jwtauth.adapter.crypto.TestKeys.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keys as an operator configures them: PEM text or files as OpenSSL writes them, and what is refused. */
class SigningKeysTest {

    private static final Claims CLAIMS = new Claims(TokenType.ACCESS, new TokenId("0123456789abcdef"), new UserId(1),
            Instant.ofEpochSecond(HandMadeTokens.ISSUED_AT), Instant.ofEpochSecond(HandMadeTokens.EXPIRES_AT),
            Optional.empty(), Optional.empty());

    @TempDir
    Path folder;

    private static SigningKeys configured(String algorithm, String signingKey) {
        return TestKeys.load(algorithm, signingKey, Optional.empty(), Optional.empty());
    }

    private static void assertSignsAndVerifies(SigningKeys keys) {
        NimbusTokenCodec codec = new NimbusTokenCodec(keys, Optional.empty(), Optional.empty());
        assertThat(codec.decode(codec.encode(CLAIMS))).isEqualTo(CLAIMS);
    }

    @ParameterizedTest
    @CsvSource({
            "RS256, rsa-2048-pkcs8.pem",
            "RS512, rsa-2048-pkcs1.pem",
            "PS256, rsa-2048-pkcs8.pem",
            "ES256, ec-p256-pkcs8.pem",
            "ES256, ec-p256-sec1.pem",
            "ES384, ec-p384-pkcs8.pem",
            "ES512, ec-p521-pkcs8.pem"})
    void readsOpenSslPemAsTextAndFromAFile(String algorithm, String file) throws IOException {
        String pem = resource(file);
        Path path = Files.writeString(folder.resolve(file), pem);

        SigningKeys fromText = configured(algorithm, pem);
        SigningKeys fromFile = configured(algorithm, "  " + path + "\n");

        assertSignsAndVerifies(fromText);
        assertSignsAndVerifies(fromFile);
        assertThat(fromFile.published()).isEqualTo(fromText.published());
    }

    @Test
    void pkcs8AndSec1OfOneKeyGiveOneKid() {
        assertThat(configured("ES256", resource("ec-p256-pkcs8.pem")).published())
                .isEqualTo(configured("ES256", resource("ec-p256-sec1.pem")).published());
        assertThat(configured("RS256", resource("rsa-2048-pkcs8.pem")).published())
                .isEqualTo(configured("RS256", resource("rsa-2048-pkcs1.pem")).published());
    }

    @Test
    void explainsHowToFixAPkcs8EcKeyWithoutItsPublicKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> configured("ES256", resource("ec-p256-pkcs8-without-public-key.pem")))
                .withMessageContaining("auth.signing-key")
                .withMessageContaining("-pubout");
    }

    @ParameterizedTest
    @CsvSource({
            "RS256, rsa-1024-pkcs8.pem, 1024 bits",
            "RS256, ec-p256-pkcs8.pem, not an RSA key",
            "PS256, ec-p256-sec1.pem, not an RSA key",
            "ES256, rsa-2048-pkcs8.pem, not an EC key on curve P-256",
            "ES256, ec-p384-pkcs8.pem, not an EC key on curve P-256",
            "ES512, ec-p256-pkcs8.pem, not an EC key on curve P-521",
            "ES256, ec-p256-public.pem, public key only",
            "ES256, ec-p256-encrypted.pem, no readable PEM key pair",
            "ES256, ed25519.pem, no readable PEM key pair"})
    void refusesAKeyThatDoesNotFitWithoutShowingIt(String algorithm, String file, String reason) {
        String pem = resource(file);
        String body = pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> configured(algorithm, pem))
                .withMessageContaining(reason)
                .withMessageNotContaining(body.substring(10, 40));
    }

    @Test
    void refusesAPemWhosePrivateAndPublicKeysDoNotBelongTogether() {
        String privateKey = TestKeys.pem("ES256", "current").split("(?=-----BEGIN PUBLIC KEY-----)")[0];
        String otherPublicKey = resource("ec-p256-public.pem");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> configured("ES256", privateKey + otherPublicKey))
                .withMessageContaining("do not belong together");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-pem-but-a-secret-of-some-length", "/no/such/key.pem", "-----BEGIN GARBAGE-----\nxyz\n"})
    void refusesWhatIsNeitherAPemNorAReadableFileWithoutRepeatingIt(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> configured("RS256", value))
                .withMessageContaining("auth.signing-key")
                .withMessageNotContaining(value.strip());
    }

    @Test
    void refusesAFileTooLargeToBeAKey() throws IOException {
        Path large = Files.writeString(folder.resolve("large.pem"), "x".repeat(KeyText.MAX_FILE_BYTES + 1));

        assertThatIllegalArgumentException().isThrownBy(() -> configured("ES256", large.toString()))
                .withMessageContaining("larger than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "", "tab\there", "é", "quote\"d", "back\\slash"})
    void refusesAKeyIdThatIsNotPrintableAscii(String keyId) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestKeys.load("ES256", TestKeys.pem("ES256", "current"), Optional.of(keyId), Optional.empty()));
    }

    @Test
    void refusesKeyIdAndVerificationKeysWithASharedSecret() {
        var withKeyId = new KeySettings("HS256", Optional.of(HandMadeTokens.SECRET), Optional.of("main"), Optional.empty(), folder);
        var withVerificationKeys = new KeySettings("HS256", Optional.of(HandMadeTokens.SECRET), Optional.empty(),
                Optional.of("{\"keys\":[]}"), folder);

        assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.load(withKeyId)).withMessageContaining("auth.key-id");
        assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.load(withVerificationKeys))
                .withMessageContaining("auth.verification-keys");
    }

    @Test
    void aSharedSecretPublishesNothing() {
        assertThat(HandMadeTokens.keys("HS512", HandMadeTokens.SECRET).published()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "RS256", "PS256", "ES256", "ES384", "ES512"})
    void theEmbeddedDefaultGeneratesAKeyInTheDataFolderAndReusesIt(String algorithm) throws IOException {
        var settings = new KeySettings(algorithm, Optional.empty(), Optional.empty(), Optional.empty(), folder.resolve("data"));

        SigningKeys first = SigningKeys.load(settings);
        SigningKeys again = SigningKeys.load(settings);

        assertSignsAndVerifies(first);
        assertThat(again.published()).isEqualTo(first.published());
        NimbusTokenCodec before = new NimbusTokenCodec(first, Optional.empty(), Optional.empty());
        NimbusTokenCodec after = new NimbusTokenCodec(again, Optional.empty(), Optional.empty());
        assertThat(after.decode(before.encode(CLAIMS))).as("tokens outlive a restart").isEqualTo(CLAIMS);
        try (Stream<Path> files = Files.list(folder.resolve("data"))) {
            assertThat(files).singleElement().satisfies(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
    }
}
