package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UserStore;
import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.TestHttpClient;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An operator brings users over from Django with {@code users import-django}, using a dump a real Django 3.2 made
 * (see resources/django/README.md for how, and every user's password), and those users log in with their old
 * passwords on the assembled service.
 */
@MicronautTest(transactional = false)
class ImportDjangoUsersTest {

    private static final Path DUMP = Path.of("src/test/resources/django/auth-user-dump.json");
    private static final String ARGON2ID_NOW = "$argon2id$v=19$m=19456,t=2,p=1$";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    UserStore users;

    @TempDir
    Path dir;

    private TestHttpClient http() {
        return TestHttpClient.checked(server.getURI(), OpenApiContract.fromClasspath());
    }

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void djangosUsersLogInWithTheirOldPasswordsAndAreUpgradedToArgon2id() throws Exception {
        Run run = cli("users", "import-django", DUMP.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("record 9 (pk 9) not imported: password hash of a scheme jwt-auth does not read (md5)")
                .doesNotContain("38bd3bcdc54cde6153efbbdfe72874c7").doesNotContain("pbkdf2_sha256$");
        assertThat(run.out()).matches("Imported from auth-user-dump.json: \\d+ created, \\d+ skipped \\(already there\\),"
                + " 1 failed\\.\\s*");

        for (String[] user : new String[][] {{"alice", "alice-pbkdf2-pass"}, {"Zoë.Ñandú", "zoë-pässwörd"},
                {"sha1user", "sha1-pass"}, {"argonuser", "argon-pass"}, {"bcryptuser", "bcrypt-pass"},
                {"plainbcrypt", "plain-bcrypt-pass"}, {"ops@example.com", "mail-like-name"}}) {
            assertThat(login(user[0], user[1] + "-wrong")).as(user[0]).isEqualTo(401);
            assertThat(login(user[0], user[1])).as(user[0]).isEqualTo(200);
            assertThat(stored(user[0]).passwordHash().encoded()).as(user[0]).startsWith(ARGON2ID_NOW);
            assertThat(login(user[0], user[1])).as(user[0] + " after the upgrade").isEqualTo(200);
        }
        assertThat(stored("sleeper").active()).isFalse();
        assertThat(login("sleeper", "sleeper-pass")).isEqualTo(401);
        assertThat(login("nopass", stored("nopass").passwordHash().encoded())).isEqualTo(401);
        assertThat(users.findByUsername(new Username("md5user"))).isEmpty();
    }

    @Test
    void importingAgainSkipsEveryoneAndChangesNothing() {
        cli("users", "import-django", DUMP.toString());
        String aliceBefore = stored("alice").passwordHash().encoded();

        Run again = cli("users", "import-django", DUMP.toString());

        assertThat(again.out().strip()).isEqualTo("Imported from auth-user-dump.json: 0 created, 9 skipped (already there), 1 failed.");
        assertThat(stored("alice").passwordHash().encoded()).isEqualTo(aliceBefore);
    }

    @Test
    void badRecordsAreReportedAndTheRestIsImported() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String alicesHash = "pbkdf2_sha256$260000$8ZY6QJm3baUYTpvhO0n6Bw$sJlEZ0r0CqHIh55986LiWA6kpd0CHKrcPCsNkYGLQH4=";
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[42, [], \"text\", null,\n"
                + "{\"model\": \"auth.group\", \"pk\": 5, \"fields\": {\"name\": \"admins\"}},\n"
                + "{\"model\": \"auth.user\", \"pk\": 6, \"fields\": [1, 2]},\n"
                + user(7, "robert'); DROP TABLE users;--", alicesHash, "true")
                + user(8, "nul\\u0000" + tag, alicesHash, "true")
                + user(9, "x".repeat(151), alicesHash, "true")
                + "{\"model\": \"auth.user\", \"pk\": 10, \"fields\": {\"username\": 7, \"password\": \"" + alicesHash
                + "\", \"is_active\": true}},\n"
                + user(11, "isactive-" + tag, alicesHash, "\"yes\"")
                + user(12, "longhash-" + tag, "pbkdf2_sha256$1$" + "s".repeat(300) + "$aGFzaA==", "true")
                + user(13, "empty-" + tag, "", "true")
                + user(14, "sql--" + tag, "!unusable", "true")
                + user(15, "after-" + tag, alicesHash, "true").replaceFirst(",\n$", "\n")
                + "]");

        Run run = cli("users", "import-django", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().strip()).isEqualTo("Imported from bad.json: 2 created, 0 skipped (already there), 13 failed.");
        assertThat(run.err().lines()).hasSize(13).allMatch(line -> line.matches("record \\d+ \\(pk [^)]+\\) not imported: .+"));
        assertThat(run.err()).contains("record 1 (pk ?) not imported: not a JSON object")
                .contains("record 5 (pk 5) not imported: not an auth.user record")
                .contains("record 7 (pk 7) not imported: username may contain only letters");
        assertThat(login("after-" + tag, "alice-pbkdf2-pass")).isEqualTo(200);
        assertThat(stored("sql--" + tag).passwordHash().encoded()).isEqualTo("!unusable");
    }

    @Test
    void reportsProgressOnALargeFileItReadsAsAStream() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("large.json");
        List<String> records = new ArrayList<>();
        for (int pk = 1; pk <= 2_500; pk++) {
            records.add(user(pk, "bulk" + pk + "-" + tag, "!unusable", "true").replaceFirst(",\n$", ""));
        }
        Files.writeString(file, "[" + String.join(",\n", records) + "]");

        Run run = cli("users", "import-django", "--progress-every", "1000", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err().lines().toList().get(0)).matches("\\d{1,3}% read, 1000 created, 0 skipped \\(already there\\), 0 failed");
        assertThat(run.err().lines().toList().get(1)).matches("\\d{1,3}% read, 2000 created, 0 skipped \\(already there\\), 0 failed");
        assertThat(run.out().strip()).isEqualTo("Imported from large.json: 2500 created, 0 skipped (already there), 0 failed.");
    }

    @Test
    void aFileThatIsNotADumpStopsWithOneLine() throws Exception {
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "[" + user(1, "whole", "!x", "true") + "{\"model\": ");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"model\": \"auth.user\"}");

        Run cut = cli("users", "import-django", truncated.toString());
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err()).contains("jwt-auth: the file is not valid JSON at line 2 (records read before it: 1)");
        assertThat(cut.out().strip()).isEqualTo("Imported from truncated.json: 1 created, 0 skipped (already there), 0 failed.");

        Run notAList = cli("users", "import-django", object.toString());
        assertThat(notAList.exitCode()).isEqualTo(1);
        assertThat(notAList.err().strip()).isEqualTo("jwt-auth: not the output of dumpdata: the file does not hold a JSON list");

        Run missing = cli("users", "import-django", dir.resolve("nothing-here.json").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().lines()).hasSize(1);
    }

    @Test
    void sqlMetacharactersInACommandsUsernameAreRefusedInOneLine() {
        Run run = cli("users", "deactivate", "x'; DROP TABLE users;--");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("jwt-auth: username may contain only letters, digits and @/./+/-/_");
        assertThat(users.findByUsername(new Username("x"))).as("the users table still answers").isEmpty();
    }

    private static String user(int pk, String username, String password, String active) {
        return "{\"model\": \"auth.user\", \"pk\": " + pk + ", \"fields\": {\"password\": \"" + password
                + "\", \"last_login\": null, \"username\": \"" + username.replace("\"", "\\\"") + "\", \"is_active\": "
                + active + ", \"groups\": [], \"user_permissions\": []}},\n";
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OperatorCommands.commandLine(new MicronautFactory(context));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private User stored(String name) {
        return users.findByUsername(new Username(name)).orElseThrow();
    }

    private int login(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http().form("/api/token/", form).statusCode();
    }
}
