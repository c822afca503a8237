package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.testsupport.PostgresServer;
import io.jwtauth.testsupport.RunningJar;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL deployment of docs/postgresql.md, done as written: a DBA runs deploy/postgresql-setup.sql on a
 * server where every role but the superuser must give its password, then the built jar and its CLI are started with nothing but the datasource
 * and signing key variables, and the tutorial is replayed against them.
 */
class PostgresDeploymentIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("jwtauth.repository", ".."));
    private static final Path SETUP_SQL = REPOSITORY.resolve("deploy/postgresql-setup.sql");
    private static final Path GUIDE = REPOSITORY.resolve("docs/postgresql.md");
    private static final String DATABASE = "jwt_auth";
    private static final String ROLE = "jwt_auth";
    private static final String CONNECT = "\\connect " + DATABASE;

    private static PostgresServer postgres;
    private static String password;

    @TempDir
    Path workDir;

    @BeforeAll
    static void createTheDatabaseAsTheGuideSays() throws Exception {
        postgres = PostgresServer.start();
        password = "pw-" + UUID.randomUUID();
        String sql = Files.readString(SETUP_SQL).replace(":'password'", "'" + password + "'");
        int connect = sql.indexOf(CONNECT);
        assertThat(connect).as("the setup SQL switches to the new database").isPositive();
        postgres.execute("postgres", statements(sql.substring(0, connect)));
        postgres.execute(DATABASE, statements(sql.substring(connect + CONNECT.length())));
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theJarRunsTheTutorialOnPostgresqlConfiguredByEnvironmentVariablesAlone() throws Exception {
        Map<String, String> env = Map.of(
                "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(DATABASE),
                "DATASOURCES_DEFAULT_USERNAME", ROLE,
                "DATASOURCES_DEFAULT_PASSWORD", password,
                "AUTH_SIGNING_KEY", "a-signing-key-shared-by-every-node-0123456789");
        try (RunningJar server = RunningJar.serve(workDir, env)) {
            RunningJar.Result created = RunningJar.command(workDir, env, "mypassword\n",
                    "users", "create", "myuser", "--password-stdin");
            assertThat(created.exitCode()).as(created.err()).isZero();

            HttpResponse<String> login = server.form("/api/token/", "username=myuser&password=mypassword");
            assertThat(login.statusCode()).as(login.body() + server.log()).isEqualTo(200);
            Map<String, String> pair = RunningJar.fields(login.body());
            assertThat(server.get("/api/profile/", "Bearer " + pair.get("access")).body()).isEqualTo("{\"message\":\"Hello, myuser\"}");
            assertThat(server.form("/api/token/refresh/", "refresh=" + pair.get("refresh")).statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/verify/", "token=" + pair.get("refresh")).statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/blacklist/", "refresh=" + pair.get("refresh")).statusCode()).isEqualTo(200);
            assertThat(server.form("/api/token/refresh/", "refresh=" + pair.get("refresh")).body())
                    .contains("Token is blacklisted");

            RunningJar.Result flushed = RunningJar.command(workDir, env, null, "tokens", "flush-expired");
            assertThat(flushed.exitCode()).as(flushed.err()).isZero();
        }
        assertThat(workDir.resolve("data")).as("no embedded database, no generated key").doesNotExist();
        assertThat(postgres.queryForString(DATABASE, "SELECT string_agg(schemaname || '.' || tablename || ' owned by '"
                + " || tableowner, ', ' ORDER BY tablename) FROM pg_tables WHERE schemaname <> 'pg_catalog'"
                + " AND schemaname <> 'information_schema'"))
                .isEqualTo("jwt_auth.flyway_schema_history owned by jwt_auth, jwt_auth.login_failures owned by jwt_auth,"
                        + " jwt_auth.refresh_tokens owned by jwt_auth, jwt_auth.users owned by jwt_auth");
    }

    @Test
    void theServicesRoleHasNoPowerBeyondItsOwnSchema() {
        assertThat(postgres.queryForString("postgres", "SELECT rolsuper OR rolcreatedb OR rolcreaterole"
                + " FROM pg_roles WHERE rolname = '" + ROLE + "'")).isEqualTo("f");
        assertThat(postgres.queryForString(DATABASE, "SELECT has_schema_privilege('" + ROLE + "', 'public', 'CREATE')"))
                .isEqualTo("f");
        assertThat(postgres.queryForString("postgres", "SELECT has_database_privilege('public', '" + DATABASE
                + "', 'CONNECT')")).isEqualTo("f");
    }

    @Test
    void theGuideShowsTheSqlThatRuns() throws Exception {
        String guide = Files.readString(GUIDE);
        int heading = guide.indexOf("## Create the database and its role");
        assertThat(heading).as("the guide's heading for the DBA's SQL").isPositive();
        int start = guide.indexOf("```sql\n", heading) + "```sql\n".length();
        assertThat(guide.substring(start, guide.indexOf("```", start))).isEqualTo(Files.readString(SETUP_SQL));
    }

    /** Statements as psql reads them from that file: comments dropped, each ended by a semicolon. */
    private static List<String> statements(String sql) {
        StringBuilder code = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

}
