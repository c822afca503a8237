package io.jwtauth.adapter.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Gives the errors the framework raises on its own (unknown route, wrong method, unsupported content type, body
 * too large, unexpected failure) DRF's JSON shape instead of Micronaut's. Micronaut's own processor steps aside
 * whenever another {@link ErrorResponseProcessor} bean exists.
 */
@Singleton
final class SimpleJwtErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.body(null);
        }
        if (response.status().getCode() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, ErrorResponses.WWW_AUTHENTICATE);
        }
        String contentType = request.getContentType().map(MediaType::toString).orElse("");
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorResponses.forStatus(response.status(), request.getMethodName(), contentType));
    }
}
