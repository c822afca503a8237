package io.jwtauth.example.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.jwtauth.testsupport.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example resource server against the built jwt-auth jar, run as an operator runs it, configured as
 * docs/resource-servers.md tells a user to: from the JWKS for key pairs, with the shared secret for HS256.
 *
 * <p>Tokens the test makes itself (expired, without {@code sub}, another key, unsigned) start from a real access token
 * of that jwt-auth, keep its header, and change one thing; each is shown accepted when re-signed unchanged, so a
 * refusal is for that one thing.
 */
class ResourceServerIT {

    /** At least 32 bytes: jwt-auth refuses a shorter HS256 secret, and so does Nimbus. */
    private static final String SHARED_SECRET = "resource-server-it-shared-secret-0123456789abcdef";

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "HS256"})
    void acceptsAccessTokensAndRefusesRefreshExpiredForeignAndUnsignedOnes(String algorithm) throws Exception {
        boolean hmac = algorithm.startsWith("HS");
        Map<String, String> jwtAuthEnvironment = new HashMap<>(Map.of("AUTH_ALGORITHM", algorithm));
        if (hmac) {
            jwtAuthEnvironment.put("AUTH_SIGNING_KEY", SHARED_SECRET);
        }
        try (RunningJar jwtAuth = RunningJar.serve(workDir, jwtAuthEnvironment)) {
            RunningJar.Result created = RunningJar.command(workDir, jwtAuthEnvironment, "mypassword\n",
                    "users", "create", "myuser", "--password-stdin");
            assertThat(created.exitCode()).as(created.err()).isZero();
            Map<String, String> pair = RunningJar.fields(
                    jwtAuth.form("/api/token/", "username=myuser&password=mypassword").body());
            String access = pair.get("access");
            String refresh = pair.get("refresh");
            assertThat(access).isNotNull();

            // What the docs tell a user to set, and nothing else.
            Map<String, Object> documented = hmac
                    ? Map.of("jwt-auth.signing-key", SHARED_SECRET)
                    : Map.of("jwt-auth.jwks-url", jwtAuth.uri("/.well-known/jwks.json").toString());
            String environment = hmac ? "shared-secret" : "jwks";
            PrivateKey ourKey = hmac ? null : privateKeyOf(workDir.resolve("data/signing-key-"
                    + algorithm.toLowerCase() + ".pem"), algorithm);
            JWSSigner ours = signer(algorithm, ourKey, SHARED_SECRET);
            JWSSigner another = signer(algorithm, anotherKey(algorithm), SHARED_SECRET + "-but-another-one");

            try (ResourceServer server = ResourceServer.start(documented, environment)) {
                var accepted = server.whoAmI(access);
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
                assertThat(accepted.body()).isEqualTo("{\"subject\":\"1\",\"userId\":\"1\"}");

                assertThat(server.whoAmI(refresh).statusCode()).as("refresh token").isEqualTo(401);

                assertThat(server.whoAmI(resigned(access, ours, UnaryOperator.identity())).statusCode())
                        .as("our token re-signed unchanged").isEqualTo(200);
                Instant past = Instant.now().minusSeconds(600);
                assertThat(server.whoAmI(resigned(access, ours, claims -> claims
                        .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))))).statusCode())
                        .as("expired").isEqualTo(401);
                assertThat(server.whoAmI(resigned(access, another, UnaryOperator.identity())).statusCode())
                        .as("same header and claims, another key").isEqualTo(401);
                assertThat(server.whoAmI(unsigned(access)).statusCode()).as("alg none").isEqualTo(401);
                // micronaut-security's SubjectNotNullJwtClaimsValidator: why jwt-auth writes sub.
                assertThat(server.whoAmI(resigned(access, ours, claims -> claims.subject(null))).statusCode())
                        .as("without sub").isEqualTo(401);
            }

            // The same application without AccessTokensOnly: the refresh token opens the route.
            try (ResourceServer unchecked = ResourceServer.start(documented, environment,
                    WithoutAccessTokensOnly.ENVIRONMENT)) {
                var answer = unchecked.whoAmI(refresh);
                assertThat(answer.statusCode()).as("refresh token, no token_type check").isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"subject\":\"1\",\"userId\":\"1\"}");
            }
        }
    }

    /** {@code token}'s header and claims, the claims changed by {@code change}, signed by {@code signer}. */
    private static String resigned(String token, JWSSigner signer, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        SignedJWT original = SignedJWT.parse(token);
        SignedJWT copy = new SignedJWT(original.getHeader(), change.apply(new JWTClaimsSet.Builder(original.getJWTClaimsSet())).build());
        copy.sign(signer);
        return copy.serialize();
    }

    /** {@code token}'s claims in an unsigned JWT ({@code "alg": "none"}), with an empty signature part. */
    private static String unsigned(String token) throws Exception {
        return new PlainJWT(SignedJWT.parse(token).getJWTClaimsSet()).serialize();
    }

    private static JWSSigner signer(String algorithm, PrivateKey key, String secret) throws JOSEException {
        return switch (algorithm.substring(0, 2)) {
            case "HS" -> new MACSigner(secret);
            case "RS" -> new RSASSASigner(key);
            case "ES" -> new ECDSASigner((ECPrivateKey) key);
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    /** The private key that jwt-auth generated: PEM, PKCS#8 first (GeneratedKeyPair writes the public key after). */
    private static PrivateKey privateKeyOf(Path pem, String algorithm) throws Exception {
        String text = Files.readString(pem);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = text.indexOf(begin) + begin.length();
        byte[] der = Base64.getMimeDecoder().decode(text.substring(start, text.indexOf("-----END PRIVATE KEY-----")));
        return KeyFactory.getInstance(algorithm.startsWith("RS") ? "RSA" : "EC")
                .generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static PrivateKey anotherKey(String algorithm) throws Exception {
        if (algorithm.startsWith("HS")) {
            return null;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.startsWith("RS") ? "RSA" : "EC");
        if (algorithm.startsWith("RS")) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair().getPrivate();
    }
}
