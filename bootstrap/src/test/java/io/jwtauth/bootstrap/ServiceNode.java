package io.jwtauth.bootstrap;

import io.jwtauth.application.CreateUser;
import io.jwtauth.application.SetUserActive;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.Username;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.jwtauth.testsupport.JsonFields;
import io.jwtauth.testsupport.OpenApiContract;
import io.jwtauth.testsupport.TestHttpClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One jwt-auth instance in this JVM, as a load balancer sees it: its own application context, pools and HTTP server,
 * wired exactly as the runnable jar wires them, on the database the test names. Several nodes share nothing but that
 * database (and the signing key from application-test.yml, which every node of a deployment must share). Every answer
 * is checked against the OpenAPI document: one it does not describe fails the test with an {@link AssertionError}.
 */
final class ServiceNode implements AutoCloseable {

    /** Generous: an answer later than this means the node hangs, which is what the tests are there to catch. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** One answer: status, body and content type. */
    record Answer(int status, String body, String contentType) {

        /** A string field of the JSON body. */
        Optional<String> field(String name) {
            return Optional.ofNullable(JsonFields.of(body).get(name));
        }
    }

    /** The two tokens of a login. */
    record Pair(String refresh, String access) {
    }

    final String name;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final TestHttpClient http;

    private ServiceNode(String name, ApplicationContext context) {
        this.name = name;
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class).start();
        this.http = TestHttpClient.checked(URI.create("http://127.0.0.1:" + server.getPort()), ANSWER_TIMEOUT,
                OpenApiContract.fromClasspath());
    }

    /** Starts a node with application-test.yml overridden by the given properties, on a free port. */
    static ServiceNode start(String name, Map<String, Object> properties) {
        return new ServiceNode(name, ApplicationContext.builder().environments("test").properties(properties).start());
    }

    /** The properties of a node on the database given, with rotation and blacklisting after rotation on. */
    static Map<String, Object> rotating(Map<String, Object> datasource) {
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("auth.rotate-refresh-tokens", "true");
        properties.put("auth.blacklist-after-rotation", "true");
        return properties;
    }

    /** Creates an active user as the operator's CLI would, through this node. */
    void createUser(String username, String password) {
        context.getBean(CreateUser.class).handle(new CreateUser.Command(new Username(username), new PlainPassword(password)));
    }

    /** One of this node's beans, for what a test must look at behind the HTTP API. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Deactivates a user as the operator's CLI would, through this node. */
    void deactivate(String username) {
        context.getBean(SetUserActive.class).handle(new SetUserActive.Command(new Username(username), false));
    }

    /** Logout everywhere, asked of this node with the user's access token. */
    Answer revokeAll(String accessToken) {
        return send(HttpRequest.newBuilder(http.uri("/api/token/revoke-all/"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A password change, asked of this node with the user's access token. */
    Answer changePassword(String accessToken, String oldPassword, String newPassword) {
        return send(http.formRequest("/api/password/change/",
                        "old_password=" + encode(oldPassword) + "&new_password=" + encode(newPassword))
                .header("Authorization", "Bearer " + accessToken));
    }

    Answer login(String username, String password) {
        return post("/api/token/", "username=" + encode(username) + "&password=" + encode(password));
    }

    /** Logs in and returns the pair, failing if the node refuses. */
    Pair pair(String username, String password) {
        Answer login = login(username, password);
        if (login.status() != 200) {
            throw new IllegalStateException(name + " refused the login: " + login);
        }
        return new Pair(login.field("refresh").orElseThrow(), login.field("access").orElseThrow());
    }

    Answer refresh(String refreshToken) {
        return post("/api/token/refresh/", "refresh=" + refreshToken);
    }

    CompletableFuture<Answer> refreshAsync(String refreshToken) {
        return postAsync("/api/token/refresh/", "refresh=" + refreshToken);
    }

    Answer verify(String token) {
        return post("/api/token/verify/", "token=" + token);
    }

    Answer blacklist(String refreshToken) {
        return post("/api/token/blacklist/", "refresh=" + refreshToken);
    }

    /** An anonymous GET, as a probe sends it. */
    Answer get(String path) {
        return send(HttpRequest.newBuilder(http.uri(path)).GET());
    }

    Answer profile(String accessToken) {
        return send(profileRequest(accessToken));
    }

    CompletableFuture<Answer> profileAsync(String accessToken) {
        return http.sendAsync(profileRequest(accessToken)).thenApply(ServiceNode::answer);
    }

    Answer post(String path, String formBody) {
        return send(http.formRequest(path, formBody));
    }

    CompletableFuture<Answer> postAsync(String path, String formBody) {
        return http.sendAsync(http.formRequest(path, formBody)).thenApply(ServiceNode::answer);
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return name;
    }

    private HttpRequest.Builder profileRequest(String accessToken) {
        return HttpRequest.newBuilder(http.uri("/api/profile/")).header("Authorization", "Bearer " + accessToken).GET();
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return answer(http.send(request));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(name + " gave no answer to " + request.build().uri(), e.getCause());
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
