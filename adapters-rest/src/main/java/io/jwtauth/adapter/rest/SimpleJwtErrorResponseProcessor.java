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
import java.util.Optional;

/**
 * Gives the errors the framework raises on its own (a request Netty could not decode, unknown route, wrong method,
 * unsupported content type, body too large, unexpected failure) DRF's JSON shape instead of Micronaut's, with the
 * status the RFCs name (414 and 431 where Micronaut says 413 for any over-long request part), and logs each one
 * (see {@link HttpRefusals}). Micronaut's own processor steps aside
 * whenever another {@link ErrorResponseProcessor} bean exists.
 */
@Singleton
final class SimpleJwtErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        Optional<Throwable> unreadable = HttpRefusals.decoderFailure(request);
        if (unreadable.isPresent()) {
            response.status(HttpRefusals.statusFor(unreadable.get(), response.status()));
        }
        HttpRefusals.log(request, response.code(), unreadable.or(context::getRootCause)
                .map(SimpleJwtErrorResponseProcessor::describe).orElse(response.reason()));
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.body(null);
        }
        if (response.status().getCode() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, ErrorResponses.WWW_AUTHENTICATE);
        }
        // As sent: DRF's 415 message quotes the header's text.
        String contentType = request.getContentType().map(MediaType::toString).orElse("");
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorResponses.forStatus(response.status(), request.getMethodName(), contentType));
    }

    /** The failure's kind and message, never its stack; the message of a framework exception holds no secret. */
    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
    }

}
