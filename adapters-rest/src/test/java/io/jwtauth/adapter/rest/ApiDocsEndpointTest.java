package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /api/schema/} serves the document micronaut-openapi generated, and {@code GET /api/docs/} Swagger UI with
 * every file it loads, anonymously; nothing else below {@code /api/docs/} is a file.
 */
@MicronautTest
class ApiDocsEndpointTest extends EndpointTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theSchemaIsTheGeneratedOpenApiDocumentWithEveryEndpointAndTheBearerScheme() throws Exception {
        HttpResponse<String> schema = get("/api/schema/");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValue(ApiDocsController.OPENAPI_YAML);
        Map<String, Object> document = new Yaml().load(schema.body());
        assertThat(document.get("openapi")).isEqualTo("3.0.1");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        assertThat(paths).containsOnlyKeys("/api/token", "/api/token/refresh", "/api/token/verify", "/api/token/blacklist",
                "/api/token/revoke-all", "/api/password/change", "/api/profile", "/api/forward-auth", "/api/health",
                "/.well-known/jwks.json", "/api/schema", "/api/docs", "/health", "/health/liveness", "/health/readiness");
        assertThat(schema.body())
                .contains("application/x-www-form-urlencoded", "bearerAuth", "scheme: bearer", "WWW-Authenticate",
                        "Retry-After", "#/components/schemas/BadRequest", "TokenNotValidForAnyType");
        assertThat(get("/api/schema").statusCode()).as("without the trailing slash too").isEqualTo(200);
    }

    /**
     * What the wire does with request bodies (RequestFields, as DRF's serializers): a missing field is a 400
     * ({@code "This field is required."}), a field it does not know is ignored. The answers are checked against the
     * document by OpenApiConformanceFilter; the requests, which many tests get wrong on purpose, are not, so this says
     * it of the request schemas.
     */
    @Test
    @SuppressWarnings("unchecked")
    void requestBodiesRequireEveryFieldTheServiceRequiresAndAllowOthers() throws Exception {
        Map<String, Object> document = new Yaml().load(get("/api/schema/").body());
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, List<String>> fields = Map.of(
                "TokenObtainPairRequest", List.of("username", "password"),
                "TokenRefreshRequest", List.of("refresh"),
                "TokenVerifyRequest", List.of("token"),
                "PasswordChangeRequest", List.of("old_password", "new_password"));
        fields.forEach((name, required) -> {
            Map<String, Object> schema = schemas.get(name);
            assertThat(((Map<String, Object>) schema.get("properties")).keySet()).as(name)
                    .containsExactlyInAnyOrderElementsOf(required);
            assertThat((List<String>) schema.get("required")).as(name).containsExactlyInAnyOrderElementsOf(required);
            assertThat(schema.get("additionalProperties")).as(name).isEqualTo(true);
        });
    }

    @Test
    void swaggerUiAndEveryFileItLoadsAreServedHere() throws Exception {
        HttpResponse<String> page = get("/api/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("'/api/schema/'").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("//cdn");
        Matcher loaded = Pattern.compile("\"(/api/docs/res/[^\"]+)\"").matcher(page.body());
        int files = 0;
        while (loaded.find()) {
            HttpResponse<String> file = get(loaded.group(1));
            assertThat(file.statusCode()).as(loaded.group(1)).isEqualTo(200);
            assertThat(file.body()).as(loaded.group(1)).isNotEmpty();
            files++;
        }
        assertThat(files).as("swagger-ui.css, two icons, the bundle and its preset").isEqualTo(5);
        assertThat(get("/api/docs/res/swagger-ui-bundle.js").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/javascript");
    }

    @Test
    void anyOtherPathBelowTheDocsIsDrfsNotFound() throws Exception {
        for (String path : List.of("/api/docs/nothing.js", "/api/docs/res/", "/api/docs/res", "/api/docs/res/nothing.css",
                "/api/docs/res/../index.html", "/api/docs/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
                "/api/docs/..%2fjwt-auth.yml", "/api/docs/..%2F..%2FMETA-INF%2Fswagger%2Fjwt-auth.yml",
                "/api/docs/res/swagger-ui.css%00.png", "/api/docs/META-INF/swagger/jwt-auth.yml",
                "/api/docs/io/jwtauth/adapter/rest/ApiDocsController.class", "/api/docs/application.yml")) {
            RawHttp.Answer answer = new RawHttp(server.getURI(), json).send(
                    "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).isEqualTo("{\"detail\":\"Not found.\"}");
        }
    }

    @Test
    void aLongDottedNameBelowTheDocsIsDrfsNotFoundNotAServerError() throws Exception {
        // A backtracking pattern recursed once per dot segment; about 1000 segments overflowed the stack (a 500).
        String path = "/api/docs/" + "a.".repeat(1800) + "js";
        RawHttp.Answer answer = new RawHttp(server.getURI(), json).send(
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void notFoundBelowTheDocsIsJsonLikeEveryOtherNotFound() throws Exception {
        for (String path : List.of("/api/docs/nothing", "/api/docs/res/", "/api/docs/nothing.js", "/api/docs/../schema/x")) {
            RawHttp.Answer answer = new RawHttp(server.getURI(), json).send(
                    "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = server.getURI().resolve(path);
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
