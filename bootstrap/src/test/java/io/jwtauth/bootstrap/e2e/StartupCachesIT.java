package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jwtauth.testsupport.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher picks the AOT cache trained for the kind of run (docs/performance-startup.md), and the JVM accepts it:
 * one the JVM rejected would cost nothing visible but the start-up time. Runs where the build trained the caches, that
 * is where it found a JDK 25 or newer.
 */
class StartupCachesIT {

    private static final Path TARGET = RunningJar.LAUNCHER.toAbsolutePath().getParent().resolve("bootstrap/target").normalize();
    /**
     * The JDK that trained the caches (Maven's own JAVA_HOME, which the launcher would obey, is the build's JDK 17),
     * and its report of the cache it maps on standard output (the launcher's own -Xlog:aot=off comes first).
     */
    private static Map<String, String> reporting;

    @TempDir
    Path workDir;

    @BeforeAll
    static void cachesWereTrained() throws Exception {
        boolean trained = Files.exists(TARGET.resolve("jwt-auth.aot.java"));
        if (!trained) {
            System.out.println("StartupCachesIT skipped: the build found no JDK 25 or newer, so it trained no AOT cache");
        }
        assumeTrue(trained, "no AOT caches: the build found no JDK 25 or newer");
        Path java = Path.of(Files.readString(TARGET.resolve("jwt-auth.aot.java")).strip());
        reporting = Map.of("JAVA_HOME", java.getParent().getParent().toString(), "JAVA_OPTS", "-Xlog:aot=info");
    }

    @Test
    void theServerStartsOnTheServerCache() throws Exception {
        try (RunningJar server = RunningJar.serve(workDir, reporting)) {
            assertUsed("jwt-auth.aot", server.log());
        }
    }

    @Test
    void aCommandThatOpensTheDatabaseRunsOnTheCommandCache() throws Exception {
        RunningJar.Result created = RunningJar.command(workDir, reporting, "a-password-1\n",
                "users", "create", "cached", "--password-stdin");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertUsed("jwt-auth-command.aot", created.out());
    }

    @Test
    void helpAndVersionRunOnTheHelpCache() throws Exception {
        for (String[] args : new String[][] {{"users", "set-password", "--help"}, {"--version"}, {"keys", "-h"}}) {
            RunningJar.Result answered = RunningJar.command(workDir, reporting, null, args);

            assertThat(answered.exitCode()).as(answered.err()).isZero();
            assertUsed("jwt-auth-help.aot", answered.out());
        }
    }

    private static void assertUsed(String cache, String jvmOutput) {
        assertThat(jvmOutput)
                .contains("Opened AOT cache " + TARGET.resolve(cache) + ".")
                .contains("Using AOT-linked classes: true");
    }
}
