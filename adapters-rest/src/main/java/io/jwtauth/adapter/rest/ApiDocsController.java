package io.jwtauth.adapter.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI 3 document that micronaut-openapi wrote from the controllers at build time, at drf-spectacular's
 * {@code GET /api/schema/}, and Swagger UI at {@code GET /api/docs/}, every asset of it from this jar (the bundle that
 * micronaut-openapi copies next to the document; see docs/openapi.md). Anonymous, as the document holds nothing
 * secret. Static resources stay switched off: only the names this class accepts are served, from one classpath
 * folder, so no other path reaches a file, and a wrong name gets DRF's 404.
 */
@OpenAPIDefinition(
        info = @Info(title = "jwt-auth", version = "1",
                description = "JWT login for REST APIs, wire-compatible with djangorestframework-simplejwt. Every path "
                        + "also answers with a trailing slash (simplejwt's spelling). Every 401 carries "
                        + "`WWW-Authenticate: Bearer realm=\"api\"`. On every path, an unknown path answers 404 "
                        + "and a wrong method 405; and what the HTTP layer refuses before any endpoint runs answers "
                        + "400 (malformed request), 403 (a CORS origin not allowed), 406 (an `Accept` nothing "
                        + "satisfies), 413/414/431 (body, request line or headers too large) or 501/505 (unsupported "
                        + "framing or version); each with DRF's `{\"detail\": …}` and nothing else.",
                license = @License(name = "see the repository")))
@SecurityScheme(name = ApiDocsController.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from POST /api/token/.")
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
final class ApiDocsController {

    /** The name of the bearer security scheme, which protected operations require. */
    static final String BEARER = "bearerAuth";

    /** Where micronaut-openapi writes the document ({@code micronaut.openapi.filename} in openapi.properties). */
    static final String DOCUMENT = "META-INF/swagger/jwt-auth.yml";

    /** drf-spectacular's media type for its YAML document. */
    static final String OPENAPI_YAML = "application/vnd.oai.openapi";

    private static final String VIEWS = "META-INF/swagger/views/swagger-ui/";

    /** Longer than any file Swagger UI loads; longer names are refused before they are looked at. */
    private static final int MAX_ASSET_LENGTH = 128;

    private static final Map<String, String> TYPES = Map.of(
            "html", MediaType.TEXT_HTML + ";charset=utf-8",
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "png", MediaType.IMAGE_PNG);

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Get("/schema/")
    @Produces(OPENAPI_YAML)
    @Operation(summary = "This OpenAPI document (YAML)", description = "drf-spectacular's path.")
    @ApiResponse(responseCode = "200", description = "The OpenAPI 3 document",
            content = @Content(mediaType = OPENAPI_YAML, schema = @Schema(type = "string")))
    HttpResponse<?> schema() {
        return file(DOCUMENT).<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(OPENAPI_YAML))
                .orElseGet(ApiDocsController::notFound);
    }

    @Get("/docs/")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Swagger UI for this document", description = "Every asset is served by jwt-auth itself.")
    @ApiResponse(responseCode = "200", description = "Swagger UI's page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
    HttpResponse<?> docs() {
        return asset("index.html");
    }

    /** Swagger UI's scripts, styles and icons: files, not part of the API, so not in the document. */
    @Get("/docs/{+asset}")
    @Produces(MediaType.ALL)
    @Hidden
    HttpResponse<?> asset(@PathVariable String asset) {
        if (!isAssetName(asset)) {
            return notFound();
        }
        String type = TYPES.get(asset.substring(asset.lastIndexOf('.') + 1));
        return file(VIEWS + asset).<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(type))
                .orElseGet(ApiDocsController::notFound);
    }

    /** DRF's 404 as JSON: the route produces any type, so the type is set here, as on every other 404. */
    private static HttpResponse<?> notFound() {
        return ErrorResponses.notFound().contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * One file name, optionally in {@code res/}: segments of {@code [A-Za-z0-9_-]+} joined by single dots, ending in
     * .html, .css, .js or .png; no other folder, no dot segments, no encoded separators. One pass over at most
     * {@link #MAX_ASSET_LENGTH} characters (a backtracking regex recursed once per segment and overflowed the stack).
     */
    static boolean isAssetName(String asset) {
        if (asset.length() > MAX_ASSET_LENGTH) {
            return false;
        }
        String name = asset.startsWith("res/") ? asset.substring(4) : asset;
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !TYPES.containsKey(name.substring(dot + 1))) {
            return false;
        }
        boolean segmentEmpty = true;
        for (int i = 0; i < dot; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (segmentEmpty) {
                    return false;
                }
                segmentEmpty = true;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                segmentEmpty = false;
            } else {
                return false;
            }
        }
        return !segmentEmpty;
    }

    /**
     * Each file is read once (about 2 MB in all, Swagger UI's bundle being most of it); names not in the jar are not
     * remembered, so that requests for made-up names cannot fill the memory.
     */
    private Optional<byte[]> file(String name) {
        byte[] cached = files.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> read = read(name);
        read.ifPresent(bytes -> files.put(name, bytes));
        return read;
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }
}
