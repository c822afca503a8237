import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java half of perf/http/refresh-history.sh (which starts PostgreSQL and the jars and calls this): fills the
 * refresh_tokens table with history, measures refresh latency against a running node, shows PostgreSQL's plans for
 * the statements a refresh runs, and runs a single statement where no psql is at hand. Run with the built jar on the class path, for its PostgreSQL driver:
 * {@code java -cp bootstrap/target/jwt-auth.jar perf/http/RefreshHistory.java COMMAND ...}.
 */
public final class RefreshHistory {

    private static final Pattern REFRESH = Pattern.compile("\"refresh\":\"([^\"]+)\"");
    private static final int RECORDS_PER_FILLER_USER = 100;

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "seed" -> seed(args[1], Long.parseLong(args[2]));
            case "load" -> load(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), args[7], args[8], Path.of(args[9]));
            case "summary" -> summary(Path.of(args[1]));
            case "reset" -> reset(args[1], args[2]);
            case "explain" -> explain(args[1]);
            case "sql" -> {
                try (Connection db = DriverManager.getConnection(args[1]); Statement sql = db.createStatement()) {
                    sql.execute(args[2]);
                }
            }
            default -> {
                System.err.println("usage: seed JDBC_URL RECORDS | load BASE_URL USER PASSWORD CLIENTS WARMUP_S SECONDS"
                        + " LABEL JDBC_URL SAMPLES_FILE | summary SAMPLES_DIR | reset JDBC_URL USER | explain JDBC_URL"
                        + " | sql JDBC_URL STATEMENT");
                System.exit(2);
            }
        }
    }

    /**
     * Adds token records until the table holds {@code records}: random 32-hex ids like the service's, 100 per filler
     * user, one family per record, expiries spread over the next day and the past week, most of them retired, as a
     * busy service's table looks. Then VACUUM ANALYZE, as autovacuum would have done by then.
     */
    private static void seed(String jdbcUrl, long records) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            long existing = count(sql, "SELECT count(*) FROM refresh_tokens");
            long missing = records - existing;
            if (missing > 0) {
                long users = Math.max(1, missing / RECORDS_PER_FILLER_USER);
                sql.execute("CREATE TEMP TABLE filler_users AS WITH added AS (INSERT INTO users (username, password_hash)"
                        + " SELECT 'filler-' || md5(random()::text || g), '$argon2id$filler' FROM generate_series(1, "
                        + users + ") g RETURNING id) SELECT row_number() OVER () - 1 AS n, id FROM added");
                sql.execute("INSERT INTO refresh_tokens (id, user_id, family_id, parent_id, expires_at, state)"
                        + " SELECT md5(random()::text || g), f.id, md5(random()::text || g || 'f'), NULL,"
                        + " now() + (random() * interval '8 days') - interval '7 days',"
                        + " (ARRAY['ACTIVE', 'ROTATED', 'ROTATED', 'BLACKLISTED'])[1 + (g % 4)]"
                        + " FROM generate_series(1, " + missing + ") g JOIN filler_users f ON f.n = g % " + users);
            }
            sql.execute("VACUUM ANALYZE users");
            sql.execute("VACUUM ANALYZE refresh_tokens");
            System.out.printf("seeded: %d token records, %d users%n", count(sql, "SELECT count(*) FROM refresh_tokens"),
                    count(sql, "SELECT count(*) FROM users"));
        }
    }

    /**
     * Deletes the records of the user the clients log in as, which the previous run added (with rotation, one per
     * refresh), so that each run starts from the seeded size, and vacuums as autovacuum would.
     */
    private static void reset(String jdbcUrl, String user) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl);
             PreparedStatement delete = db.prepareStatement(
                     "DELETE FROM refresh_tokens WHERE user_id = (SELECT id FROM users WHERE username = ?)");
             Statement sql = db.createStatement()) {
            delete.setString(1, user);
            delete.executeUpdate();
            sql.execute("VACUUM ANALYZE refresh_tokens");
        }
    }

    /**
     * Closed-loop load: each client logs in once, then refreshes as fast as answers come, following the chain of
     * rotated tokens when the node rotates. Refreshes during the warm-up are not counted. Prints one result line and
     * appends the latencies (nanoseconds, one a line) to the samples file, for the summary over all rounds.
     */
    private static void load(String baseUrl, String user, String password, int clients, int warmupSeconds,
                             int seconds, String label, String jdbcUrl, Path samples) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long recordsBefore;
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            recordsBefore = count(sql, "SELECT count(*) FROM refresh_tokens");
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        int[] failures = new int[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                String refresh = login(http, baseUrl, user, password);
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(post(baseUrl + "/api/token/refresh/", "refresh=" + refresh),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - sent;
                    if (answer.statusCode() != 200) {
                        failures[client]++;
                        refresh = login(http, baseUrl, user, password);
                        continue;
                    }
                    Matcher rotated = REFRESH.matcher(answer.body());
                    if (rotated.find()) {
                        refresh = rotated.group(1);
                    }
                    if (sent >= measureFrom) {
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] some = result.get();
            int at = all.length;
            all = Arrays.copyOf(all, at + some.length);
            System.arraycopy(some, 0, all, at, some.length);
        }
        pool.shutdown();
        Arrays.sort(all);
        long recordsAfter;
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            recordsAfter = count(sql, "SELECT count(*) FROM refresh_tokens");
        }
        System.out.printf(Locale.ROOT, "%-28s records=%d..%d refreshes=%d per_s=%.0f %s failures=%d%n",
                label, recordsBefore, recordsAfter, all.length, all.length / (double) seconds, percentiles(all),
                Arrays.stream(failures).sum());
        StringBuilder lines = new StringBuilder();
        for (long latency : all) {
            lines.append(latency).append('\n');
        }
        Files.writeString(samples, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Percentiles over every round of each node, and how the large table's p50 and p99 compare with the small one's
     * (the target: p99 at 1 000 000 records within 1.2 times p99 at 10 000).
     */
    private static void summary(Path directory) throws IOException {
        for (String mode : List.of("plain", "rotating")) {
            long[] small = samples(directory.resolve("small-" + mode));
            long[] large = samples(directory.resolve("large-" + mode));
            System.out.printf(Locale.ROOT, "%-9s 10 000 records:    refreshes=%d %s%n", mode, small.length,
                    percentiles(small));
            System.out.printf(Locale.ROOT, "%-9s 1 000 000 records: refreshes=%d %s%n", mode, large.length,
                    percentiles(large));
            System.out.printf(Locale.ROOT, "%-9s 1M/10k: p50 x%.2f, p99 x%.2f%n", mode,
                    percentile(large, 50) / (double) percentile(small, 50),
                    percentile(large, 99) / (double) percentile(small, 99));
        }
    }

    private static long[] samples(Path file) throws IOException {
        return Files.readAllLines(file).stream().mapToLong(Long::parseLong).sorted().toArray();
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f", ms(percentile(sorted, 50)),
                ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    /** PostgreSQL's own plans, with timings, for the statements a refresh runs, on a real token and user. */
    private static void explain(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl); Statement sql = db.createStatement()) {
            String token;
            long user;
            try (ResultSet row = sql.executeQuery(
                    "SELECT id, user_id FROM refresh_tokens WHERE state = 'ACTIVE' ORDER BY created_at DESC LIMIT 1")) {
                row.next();
                token = row.getString(1);
                user = row.getLong(2);
            }
            System.out.printf("table: %d records, %s with indexes%n", count(sql, "SELECT count(*) FROM refresh_tokens"),
                    text(sql, "SELECT pg_size_pretty(pg_total_relation_size('refresh_tokens'))"));
            db.setAutoCommit(false);
            // The same SQL as JdbcRefreshTokenStore and JdbcUserStore; the writes are rolled back.
            plan(db, "SELECT state FROM refresh_tokens WHERE id = ?", token);
            plan(db, "SELECT id, username, password_hash, active FROM users WHERE id = ?", user);
            plan(db, "UPDATE refresh_tokens SET state = 'ROTATED' WHERE id = ? AND state = 'ACTIVE'", token);
            db.rollback();
        }
    }

    private static void plan(Connection db, String statement, Object parameter) throws SQLException {
        try (PreparedStatement explain = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement)) {
            explain.setObject(1, parameter);
            System.out.println("-- " + statement);
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    System.out.println("   " + lines.getString(1));
                }
            }
        }
    }

    private static String login(HttpClient http, String baseUrl, String user, String password) throws Exception {
        HttpResponse<String> answer = http.send(post(baseUrl + "/api/token/", "username=" + user + "&password=" + password),
                HttpResponse.BodyHandlers.ofString());
        Matcher refresh = REFRESH.matcher(answer.body());
        if (answer.statusCode() != 200 || !refresh.find()) {
            throw new IllegalStateException("login failed: " + answer.statusCode() + " " + answer.body());
        }
        return refresh.group(1);
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long count(Statement sql, String query) throws SQLException {
        return Long.parseLong(text(sql, query));
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
