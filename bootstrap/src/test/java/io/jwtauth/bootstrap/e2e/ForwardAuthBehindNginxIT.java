package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jwtauth.testsupport.RunningJar;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nginx in front of a small upstream, asking the running jwt-auth through {@code auth_request} with the
 * configuration docs/forward-auth.md gives: only requests with a valid access token reach the upstream, with the identity
 * in headers that a client cannot set itself.
 */
class ForwardAuthBehindNginxIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String SECRET = "forward-auth-test-secret-that-is-long-enough-0123456789";

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Map<String, List<String>>> upstreamSaw = new CopyOnWriteArrayList<>();
    private HttpServer upstream;
    private Process nginx;
    private int proxyPort;

    @BeforeEach
    void requireNginx() {
        if (!Files.isExecutable(NGINX)) {
            System.out.println("ForwardAuthBehindNginxIT skipped: " + NGINX + " is missing (apt-get install nginx-light)");
        }
        Assumptions.assumeTrue(Files.isExecutable(NGINX), NGINX + " is missing (apt-get install nginx-light)");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor();
            }
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void onlyValidAccessTokensReachTheUpstreamWithTheIdentityInHeaders() throws Exception {
        // No user cache, so that the CLI's deactivation is seen by the server at once.
        Map<String, String> environment = Map.of("AUTH_SIGNING_KEY", SECRET, "AUTH_USER_CACHE_TTL", "0s");
        try (RunningJar server = RunningJar.serve(workDir, environment)) {
            for (String name : List.of("alice", "leaver")) {
                RunningJar.Result created = RunningJar.command(workDir, environment, "mypassword\n",
                        "users", "create", name, "--password-stdin");
                assertThat(created.exitCode()).as(created.err()).isZero();
            }
            Map<String, String> alice = RunningJar.fields(server.form("/api/token/", "username=alice&password=mypassword").body());
            Map<String, String> leaver = RunningJar.fields(server.form("/api/token/", "username=leaver&password=mypassword").body());
            String aliceId = server.get("/api/forward-auth/", "Bearer " + alice.get("access")).headers()
                    .firstValue("X-Auth-User-Id").orElseThrow();
            startUpstream();
            startNginx(server.port);

            HttpResponse<String> allowed = throughProxy("/app/page?x=1", "Bearer " + alice.get("access"),
                    Map.of("X-Auth-User-Id", "999", "X-Auth-Username", "admin"));
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(upstreamSaw).hasSize(1);
            assertThat(upstreamSaw.get(0).get("X-auth-user-id")).containsExactly(aliceId);
            assertThat(upstreamSaw.get(0).get("X-auth-username")).containsExactly("alice");

            HttpResponse<String> blacklisted = server.form("/api/token/blacklist/", "refresh=" + alice.get("refresh"));
            assertThat(blacklisted.statusCode()).isEqualTo(200);
            RunningJar.Result deactivated = RunningJar.command(workDir, environment, null, "users", "deactivate", "leaver");
            assertThat(deactivated.exitCode()).as(deactivated.err()).isZero();

            String expired = expiredAccessToken(aliceId);
            assertThat(server.get("/api/profile/", "Bearer " + expired).body()).as("well-formed, only expired")
                    .contains("Token is expired");
            Map<String, String> refused = Map.of(
                    "no token", "",
                    "an injected identity without a token", "",
                    "an expired access token", "Bearer " + expired,
                    "a refresh token", "Bearer " + leaver.get("refresh"),
                    "a blacklisted refresh token", "Bearer " + alice.get("refresh"),
                    "a deactivated user's access token", "Bearer " + leaver.get("access"),
                    "a forged token", "Bearer " + alice.get("access").substring(0, alice.get("access").length() - 2) + "xx");
            for (Map.Entry<String, String> attempt : refused.entrySet()) {
                HttpResponse<String> answer = throughProxy("/app/page", attempt.getValue(),
                        Map.of("X-Auth-User-Id", aliceId, "X-Auth-Username", "alice"));
                assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(401);
                assertThat(answer.headers().allValues("WWW-Authenticate")).as(attempt.getKey())
                        .containsExactly("Bearer realm=\"api\"");
                assertThat(answer.headers().firstValue("Content-Type")).as(attempt.getKey()).contains("application/json");
                assertThat(answer.body()).as(attempt.getKey()).startsWith("{\"detail\":");
            }
            // jwt-auth's own answer reaches the client, not a generic one of nginx's.
            assertThat(throughProxy("/app/page", "Bearer " + leaver.get("access"), Map.of()).body())
                    .isEqualTo("{\"detail\":\"User is inactive\",\"code\":\"user_inactive\"}");
            assertThat(upstreamSaw).as("only the one allowed request reached the upstream").hasSize(1);

            // What the client's request carries besides Authorization is not jwt-auth's business: it is not sent there.
            HttpResponse<String> unusual = throughProxy("/app/feed.xml?q=" + "x".repeat(5000),
                    "Bearer " + RunningJar.fields(server.form("/api/token/", "username=alice&password=mypassword").body()).get("access"),
                    Map.of("Accept", "application/xml", "Content-Encoding", "gzip", "Cookie", "c=" + "y".repeat(17_000)));
            assertThat(unusual.statusCode()).isEqualTo(200);
            assertThat(upstreamSaw).hasSize(2);
        }
    }

    /**
     * Asks nginx, not jwt-auth: the answer is nginx's or the upstream's, so it is not checked against jwt-auth's OpenAPI
     * document (every request sent to jwt-auth directly is, through {@link RunningJar}).
     */
    private HttpResponse<String> throughProxy(String path, String authorization, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        extraHeaders.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            upstreamSaw.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = "upstream".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
    }

    /** docs/forward-auth.md's nginx configuration, on free ports, as one foreground process. */
    private void startNginx(int jwtAuthPort) throws Exception {
        proxyPort = freePort();
        Path prefix = Files.createDirectories(workDir.resolve("nginx"));
        String config = """
                master_process off;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events {}
                http {
                    access_log off;
                    # Room for the large Cookie header the test sends; nginx's default is 8k per line.
                    large_client_header_buffers 4 32k;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    upstream jwt_auth { server 127.0.0.1:%4$d; }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            auth_request /_jwt_auth;
                            auth_request_set $auth_user_id $upstream_http_x_auth_user_id;
                            auth_request_set $auth_username $upstream_http_x_auth_username;
                            proxy_set_header X-Auth-User-Id $auth_user_id;
                            proxy_set_header X-Auth-Username $auth_username;
                            proxy_pass http://127.0.0.1:%3$d;
                        }
                        location = /_jwt_auth {
                            internal;
                            proxy_pass http://jwt_auth/api/forward-auth/;
                            proxy_pass_request_body off;
                            proxy_pass_request_headers off;
                            proxy_set_header Authorization $http_authorization;
                            proxy_set_header X-Original-URI $request_uri;
                        }
                        error_page 401 = @jwt_auth_refusal;
                        location @jwt_auth_refusal {
                            proxy_method GET;
                            rewrite ^ /api/forward-auth/ break;
                            proxy_pass http://jwt_auth;
                            proxy_hide_header WWW-Authenticate;
                            proxy_pass_request_body off;
                            proxy_pass_request_headers off;
                            proxy_set_header Authorization $http_authorization;
                        }
                    }
                }
                """.formatted(prefix, proxyPort, upstream.getAddress().getPort(), jwtAuthPort);
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", proxyPort)) {
                return;
            } catch (IOException notYet) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("stdout.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + proxyPort);
    }

    /** An access token as jwt-auth makes them, signed with its key, that expired a minute ago. */
    private static String expiredAccessToken(String userId) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        long now = Instant.now().getEpochSecond();
        claims.setClaim("exp", now - 60);
        claims.setClaim("iat", now - 360);
        claims.setClaim("jti", "0123456789abcdef0123456789abcdef");
        claims.setClaim("user_id", userId);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
