package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.RunningJar;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key pairs as an operator runs them with the built jar: the embedded default generates an ES256 key, another
 * service verifies our tokens from the JWKS, and the rotation steps of docs/keys-and-rotation.md replace the key
 * without signing anyone out, until the retired key is dropped.
 */
class KeyRotationIT {

    private static final Pattern KID = Pattern.compile("\"kid\":\"([^\"]+)\"");

    @TempDir
    Path workDir;

    @Test
    void rotatesTheSigningKeyWithoutSigningAnyoneOut() throws Exception {
        Map<String, String> generated = Map.of("AUTH_ALGORITHM", "ES256");
        Map<String, String> pair;
        String firstKid;
        String servedBeforeRotation;
        try (RunningJar server = RunningJar.serve(workDir, generated)) {
            assertThat(RunningJar.command(workDir, generated, "mypassword\n", "users", "create", "myuser", "--password-stdin")
                    .exitCode()).isZero();
            pair = RunningJar.fields(server.form("/api/token/", "username=myuser&password=mypassword").body());
            firstKid = kidOf(pair.get("access"));

            HttpResponse<String> jwks = server.get("/.well-known/jwks.json", null);
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(jwks.headers().firstValue("Cache-Control")).contains("public, max-age=300");
            assertThat(kids(jwks.body())).containsExactly(firstKid);
            assertThat(jwks.body()).doesNotContain("\"d\"");
            assertThat(verifier(server, "ES256").processToClaims(pair.get("access")).getClaimValueAsString("user_id"))
                    .isEqualTo("1");
            servedBeforeRotation = jwks.body();
        }
        Path generatedKey = workDir.resolve("data/signing-key-es256.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generatedKey))).isEqualTo("rw-------");
        assertThat(workDir.resolve("data/signing-key")).as("no HS secret is made for ES256").doesNotExist();

        // Step 1: a new key pair; only its public JWK is printed.
        RunningJar.Result generate = RunningJar.command(workDir, Map.of(), null,
                "keys", "generate", "--algorithm", "ES256", "--out", "next-key.pem");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out().strip()).startsWith("{").endsWith("}").doesNotContain("\"d\"").contains("\"alg\":\"ES256\"");
        String nextKid = kids(generate.out()).get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir.resolve("next-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(generate.err()).isEmpty();
        RunningJar.Result again = RunningJar.command(workDir, Map.of(), null,
                "keys", "generate", "--algorithm", "ES256", "--out", "next-key.pem");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("jwt-auth: next-key.pem exists already; a key file is never overwritten");

        // Step 2: keep what the JWKS served, sign with the new key, keep verifying with the old one.
        Files.writeString(workDir.resolve("retired-keys.json"), servedBeforeRotation);
        Map<String, String> rotated = Map.of("AUTH_ALGORITHM", "ES256", "AUTH_SIGNING_KEY", "next-key.pem",
                "AUTH_VERIFICATION_KEYS", "retired-keys.json");
        try (RunningJar server = RunningJar.serve(workDir, rotated)) {
            assertThat(server.get("/api/profile/", "Bearer " + pair.get("access")).statusCode())
                    .as("a token of the retired key still works").isEqualTo(200);
            HttpResponse<String> refreshed = server.form("/api/token/refresh/", "refresh=" + pair.get("refresh"));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            String newAccess = RunningJar.fields(refreshed.body()).get("access");
            assertThat(kidOf(newAccess)).isEqualTo(nextKid);
            assertThat(kids(server.get("/.well-known/jwks.json", null).body())).containsExactly(nextKid, firstKid);

            JwtConsumer verifier = verifier(server, "ES256");
            assertThat(verifier.processToClaims(pair.get("access")).getClaimValueAsString("user_id")).isEqualTo("1");
            assertThat(verifier.processToClaims(newAccess).getClaimValueAsString("user_id")).isEqualTo("1");
        }

        // Step 3: once the retired key's tokens have expired, it is dropped.
        Map<String, String> retired = Map.of("AUTH_ALGORITHM", "ES256", "AUTH_SIGNING_KEY", "next-key.pem");
        try (RunningJar server = RunningJar.serve(workDir, retired)) {
            HttpResponse<String> old = server.get("/api/profile/", "Bearer " + pair.get("access"));
            assertThat(old.statusCode()).isEqualTo(401);
            assertThat(old.body()).contains("\"message\":\"Token is invalid\"");
            assertThat(kids(server.get("/.well-known/jwks.json", null).body())).containsExactly(nextKid);
        }
    }

    @Test
    void keysGenerateNeedsNoConfigurationAndExplainsItself() throws Exception {
        RunningJar.Result help = RunningJar.command(workDir, Map.of(), null, "keys", "generate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--algorithm", "--out", "--key-id", "never printed");

        // A configuration that would stop the service does not stop key generation.
        Map<String, String> broken = Map.of("AUTH_ALGORITHM", "RS256", "AUTH_SIGNING_KEY", "missing.pem");
        RunningJar.Result generate = RunningJar.command(workDir, broken, null,
                "keys", "generate", "--algorithm", "PS256", "--out", "ps256.pem");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("\"kty\":\"RSA\"", "\"alg\":\"PS256\"");
        assertThat(workDir.resolve("data")).as("no default key is generated on the side").doesNotExist();
    }

    @Test
    void anUnusableSigningKeyStopsStartUpWithoutShowingTheValue() throws Exception {
        String value = "an-hs-secret-left-over-from-before-the-switch";
        Map<String, String> env = Map.of("AUTH_ALGORITHM", "RS256", "AUTH_SIGNING_KEY", value, "MICRONAUT_SERVER_PORT", "0");

        RunningJar.Result result = RunningJar.command(workDir, env, null);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out() + result.err())
                .contains("auth.signing-key is neither the key itself nor the path of a readable key file")
                .doesNotContain(value);
    }

    private static JwtConsumer verifier(RunningJar server, String algorithm) {
        HttpsJwks jwks = new HttpsJwks("http://127.0.0.1:" + server.port + "/.well-known/jwks.json");
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm)
                .setRequireExpirationTime()
                .build();
    }

    private static List<String> kids(String json) {
        return KID.matcher(json).results().map(match -> match.group(1)).toList();
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return kids(header).get(0);
    }
}
