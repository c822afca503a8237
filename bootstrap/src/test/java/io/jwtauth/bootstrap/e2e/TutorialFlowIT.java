package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.RunningJar;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial, replayed against the built jar: the operator creates a user with the CLI while the server runs,
 * then a client does exactly what the tutorial's curl commands do. Also what an operator relies on: data and the
 * generated key survive a restart, environment variables configure the service, a weak key stops it.
 */
class TutorialFlowIT {

    private static final Map<String, String> EMBEDDED_DEFAULT = Map.of();

    @TempDir
    Path workDir;

    @Test
    void theTutorialsCurlFlowWorksAgainstTheRunningJar() throws Exception {
        try (RunningJar server = RunningJar.serve(workDir, EMBEDDED_DEFAULT)) {
            RunningJar.Result created = RunningJar.command(workDir, EMBEDDED_DEFAULT, "mypassword\n",
                    "users", "create", "myuser", "--password-stdin");
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).contains("Created user 'myuser'").doesNotContain("mypassword");

            // curl -X POST -d "username=myuser&password=mypassword" http://127.0.0.1:8000/api/token/
            HttpResponse<String> login = server.form("/api/token/", "username=myuser&password=mypassword");
            assertThat(login.statusCode()).isEqualTo(200);
            Map<String, String> pair = RunningJar.fields(login.body());
            assertThat(pair).containsOnlyKeys("refresh", "access");

            // Authorization: Bearer <access>
            HttpResponse<String> profile = server.get("/api/profile/", "Bearer " + pair.get("access"));
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(profile.body()).isEqualTo("{\"message\":\"Hello, myuser\"}");

            // curl -X POST -d "refresh=<refresh>" http://127.0.0.1:8000/api/token/refresh/
            HttpResponse<String> refreshed = server.form("/api/token/refresh/", "refresh=" + pair.get("refresh"));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(RunningJar.fields(refreshed.body())).containsOnlyKeys("access");
            assertThat(server.get("/api/profile/", "Bearer " + RunningJar.fields(refreshed.body()).get("access")).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> verified = server.json("/api/token/verify/", "{\"token\":\"" + pair.get("access") + "\"}");
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.body()).isEqualTo("{}");

            HttpResponse<String> forged = server.get("/api/profile/", "Bearer " + forgeSignature(pair.get("access")));
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("\"message\":\"Token is invalid\"");

            HttpResponse<String> jwks = server.get("/.well-known/jwks.json", "Bearer " + pair.get("access"));
            assertThat(jwks.statusCode()).as("a shared secret is never published").isEqualTo(404);
            assertThat(jwks.body()).isEqualTo("{\"detail\":\"Not found.\"}");

            // A browser's login through nginx's default proxy_pass http://127.0.0.1:8000 (Host: 127.0.0.1:8000, an
            // Origin), then what the jar's configuration decides: the header block limit and compressed bodies.
            assertThat(server.raw("POST /api/token/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: https://app.example.com\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 35\r\nConnection: close\r\n\r\n"
                    + "username=myuser&password=mypassword"))
                    .startsWith("HTTP/1.1 200 ").contains("\"access\":").doesNotContain("Access-Control-Allow-Origin");
            assertThat(server.raw("GET /api/health/ HTTP/2.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 505 ").endsWith("{\"detail\":\"HTTP version not supported.\"}");
            assertThat(server.raw("GET /api/health/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(12_000)
                    + "\r\nConnection: close\r\n\r\n")).as("header blocks up to 16 KiB").startsWith("HTTP/1.1 200 ");
            assertThat(server.raw("GET /api/health/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(20_000)
                    + "\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 431 ").endsWith("{\"detail\":\"Request header fields are too large.\"}");
            assertThat(server.raw("POST /api/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Encoding: gzip\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 35\r\nConnection: close\r\n\r\n"
                    + "username=myuser&password=mypassword"))
                    .startsWith("HTTP/1.1 415 ").endsWith("{\"detail\":\"Content-Encoding \\\"gzip\\\" is not supported.\"}");

            HttpResponse<String> logout = server.form("/api/token/blacklist/", "refresh=" + pair.get("refresh"));
            assertThat(logout.statusCode()).isEqualTo(200);
            HttpResponse<String> afterLogout = server.form("/api/token/refresh/", "refresh=" + pair.get("refresh"));
            assertThat(afterLogout.statusCode()).isEqualTo(401);
            assertThat(afterLogout.body()).isEqualTo("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}");
        }
        Path key = workDir.resolve("data/signing-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void usersTokensAndTheGeneratedKeySurviveARestart() throws Exception {
        Map<String, String> pair;
        try (RunningJar server = RunningJar.serve(workDir, EMBEDDED_DEFAULT)) {
            assertThat(RunningJar.command(workDir, EMBEDDED_DEFAULT, "mypassword\n",
                    "users", "create", "myuser", "--password-stdin").exitCode()).isZero();
            pair = RunningJar.fields(server.form("/api/token/", "username=myuser&password=mypassword").body());
        }
        String key = Files.readString(workDir.resolve("data/signing-key"));
        try (RunningJar server = RunningJar.serve(workDir, EMBEDDED_DEFAULT)) {
            assertThat(server.get("/api/profile/", "Bearer " + pair.get("access")).statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/refresh/", "refresh=" + pair.get("refresh")).statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/blacklist/", "refresh=" + pair.get("refresh")).statusCode()).isEqualTo(200);
        }
        try (RunningJar server = RunningJar.serve(workDir, EMBEDDED_DEFAULT)) {
            assertThat(server.form("/api/token/refresh/", "refresh=" + pair.get("refresh")).body())
                    .contains("Token is blacklisted");
        }
        assertThat(Files.readString(workDir.resolve("data/signing-key"))).isEqualTo(key);
    }

    @Test
    void theCliManagesUsersWhileTheServerRuns() throws Exception {
        try (RunningJar server = RunningJar.serve(workDir, EMBEDDED_DEFAULT)) {
            assertThat(RunningJar.command(workDir, EMBEDDED_DEFAULT, "mypassword\n",
                    "users", "create", "myuser", "--password-stdin").exitCode()).isZero();
            Map<String, String> pair = RunningJar.fields(server.form("/api/token/", "username=myuser&password=mypassword").body());
            String access = pair.get("access");

            RunningJar.Result deactivated = RunningJar.command(workDir, EMBEDDED_DEFAULT, null, "users", "deactivate", "myuser");
            assertThat(deactivated.exitCode()).as(deactivated.err()).isZero();
            HttpResponse<String> refreshOfInactive = server.form("/api/token/refresh/", "refresh=" + pair.get("refresh"));
            assertThat(refreshOfInactive.statusCode()).isEqualTo(401);
            assertThat(refreshOfInactive.body()).isEqualTo("{\"detail\":\"No active account found for the given token.\"}");
            assertThat(server.form("/api/token/", "username=myuser&password=mypassword").statusCode()).isEqualTo(401);
            assertThat(server.get("/api/profile/", "Bearer " + access).body()).contains("\"code\":\"user_inactive\"");

            assertThat(RunningJar.command(workDir, EMBEDDED_DEFAULT, null, "users", "activate", "myuser").exitCode()).isZero();
            assertThat(server.form("/api/token/", "username=myuser&password=mypassword").statusCode()).isEqualTo(200);

            RunningJar.Result changed = RunningJar.command(workDir, EMBEDDED_DEFAULT, "n3w-secret\n",
                    "users", "set-password", "myuser", "--password-stdin");
            assertThat(changed.exitCode()).isZero();
            assertThat(changed.out() + changed.err()).doesNotContain("n3w-secret");
            assertThat(server.form("/api/token/", "username=myuser&password=mypassword").statusCode()).isEqualTo(401);
            assertThat(server.form("/api/token/", "username=myuser&password=n3w-secret").statusCode()).isEqualTo(200);

            RunningJar.Result flushed = RunningJar.command(workDir, EMBEDDED_DEFAULT, null, "tokens", "flush-expired");
            assertThat(flushed.exitCode()).isZero();
            assertThat(flushed.out()).matches("Deleted \\d+ expired token records?\\.\\s*");

            RunningJar.Result unknown = RunningJar.command(workDir, EMBEDDED_DEFAULT, null, "users", "deactivate", "nobody");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err().strip()).isEqualTo("jwt-auth: no user named 'nobody'");

            RunningJar.Result taken = RunningJar.command(workDir, EMBEDDED_DEFAULT, "x\n", "users", "create", "myuser",
                    "--password-stdin");
            assertThat(taken.exitCode()).isEqualTo(1);
            assertThat(taken.err().strip()).isEqualTo("jwt-auth: a user named 'myuser' already exists");

            RunningJar.Result help = RunningJar.command(workDir, EMBEDDED_DEFAULT, null, "users", "create", "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("--password-stdin");
        }
    }

    @Test
    void usersImportedFromDjangoLogInWithTheirOldPasswords() throws Exception {
        Path dump = Path.of("src/test/resources/django/auth-user-dump.json").toAbsolutePath();
        try (RunningJar server = RunningJar.serve(workDir, EMBEDDED_DEFAULT)) {
            RunningJar.Result imported = RunningJar.command(workDir, EMBEDDED_DEFAULT, null,
                    "users", "import-django", dump.toString());
            assertThat(imported.exitCode()).as("md5user's hash is refused").isEqualTo(1);
            assertThat(imported.out()).contains("9 created, 0 skipped (already there), 1 failed");

            assertThat(server.form("/api/token/", "username=alice&password=alice-pbkdf2-pass").statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/", "username=alice&password=alice-pbkdf2-pass").statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/", "username=sleeper&password=sleeper-pass").statusCode()).isEqualTo(401);

            RunningJar.Result again = RunningJar.command(workDir, EMBEDDED_DEFAULT, null,
                    "users", "import-django", dump.toString());
            assertThat(again.out()).contains("0 created, 9 skipped (already there), 1 failed");
        }
    }

    @Test
    void environmentVariablesConfigureTheService() throws Exception {
        String secret = "an-operator-chosen-secret-of-more-than-32-bytes";
        Map<String, String> env = Map.of(
                "AUTH_SIGNING_KEY", secret,
                "AUTH_ACCESS_TOKEN_LIFETIME", "90s",
                "AUTH_REFRESH_TOKEN_LIFETIME", "2h",
                "AUTH_ROTATE_REFRESH_TOKENS", "true",
                "DATASOURCES_DEFAULT_URL", "jdbc:h2:file:./elsewhere/db;AUTO_SERVER=TRUE");
        try (RunningJar server = RunningJar.serve(workDir, env)) {
            assertThat(RunningJar.command(workDir, env, "mypassword\n", "users", "create", "myuser", "--password-stdin")
                    .exitCode()).isZero();
            Map<String, String> pair = RunningJar.fields(server.form("/api/token/", "username=myuser&password=mypassword").body());

            Map<String, String> access = fieldsOf(payload(pair.get("access")));
            assertThat(Long.parseLong(access.get("exp")) - Long.parseLong(access.get("iat"))).isEqualTo(90);
            Map<String, String> refresh = fieldsOf(payload(pair.get("refresh")));
            assertThat(Long.parseLong(refresh.get("exp")) - Long.parseLong(refresh.get("iat"))).isEqualTo(7_200);
            assertThat(hs256(secret, pair.get("access"))).isTrue();

            HttpResponse<String> rotated = server.form("/api/token/refresh/", "refresh=" + pair.get("refresh"));
            assertThat(RunningJar.fields(rotated.body())).containsOnlyKeys("access", "refresh");
        }
        assertThat(workDir.resolve("elsewhere/db.mv.db")).exists();
        assertThat(workDir.resolve("data/signing-key")).doesNotExist();
    }

    @Test
    void aSigningKeyShorterThanTheHashStopsStartupWithAClearMessage() throws Exception {
        Map<String, String> env = Map.of("AUTH_SIGNING_KEY", "too-short-secret", "MICRONAUT_SERVER_PORT", "0");
        RunningJar.Result result = RunningJar.command(workDir, env, null);
        assertThat(result.exitCode()).isNotZero();
        String output = result.out() + result.err();
        assertThat(output).contains("the HS256 signing key must be at least 32 bytes")
                .doesNotContain("too-short-secret");
    }

    private static Map<String, String> fieldsOf(String json) {
        Map<String, String> fields = RunningJar.fields(json);
        Matcher numbers = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(json);
        while (numbers.find()) {
            fields.put(numbers.group(1), numbers.group(2));
        }
        return fields;
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** Checks the signature with the JDK's own HMAC, independent of the library that made it. */
    private static boolean hs256(String secret, String token) throws Exception {
        int lastDot = token.lastIndexOf('.');
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return java.security.MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    private static String forgeSignature(String token) {
        int lastDot = token.lastIndexOf('.');
        char last = token.charAt(lastDot + 1);
        return token.substring(0, lastDot + 1) + (last == 'A' ? 'B' : 'A') + token.substring(lastDot + 2);
    }
}
