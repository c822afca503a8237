package io.jwtauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keys generate} in-process; the jar's end-to-end test runs it as the operator does. */
class KeysCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int keys(String... args) {
        return new CommandLine(new KeysCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void writesAnOwnerOnlyPrivateKeyAndPrintsOnlyThePublicJwk() throws Exception {
        Path file = folder.resolve("next.pem");

        int status = keys("generate", "--algorithm", "RS256", "--out", file.toString(), "--key-id", "2026-02");

        assertThat(status).as(err.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(out.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{").contains("\"kid\":\"2026-02\"", "\"use\":\"sig\"", "\"alg\":\"RS256\"", "\"n\":", "\"e\":")
                .doesNotContain("\"d\":", "\"p\":", "\"q\":", "\"dp\":", "\"dq\":", "\"qi\":", "PRIVATE"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void refusesToOverwriteAFile() throws Exception {
        Path existing = Files.writeString(folder.resolve("current.pem"), "the key in use");

        int status = new CommandLine(new KeysCommand())
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    commandLine.getErr().println(failure.getMessage());
                    return 1;
                })
                .execute("generate", "--algorithm", "ES256", "--out", existing.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("exists already");
        assertThat(Files.readString(existing)).isEqualTo("the key in use");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void needsAnAlgorithmAndAFile() {
        assertThat(keys("generate", "--out", folder.resolve("x.pem").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--algorithm");
        assertThat(keys("generate", "--algorithm", "ES256")).isEqualTo(2);
        assertThat(folder.resolve("x.pem")).doesNotExist();
    }
}
