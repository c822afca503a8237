package io.jwtauth.adapter.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line for every request the framework or our protocol checks refuse before any endpoint runs, so that
 * an operator can tell why a client got a 4xx or 5xx that no endpoint answered (a bad request line, a CORS refusal, a
 * header block too large, …). Logged at INFO under {@code io.jwtauth.http}; never a body or a credential.
 */
final class HttpRefusals {

    static final Logger LOG = LoggerFactory.getLogger("io.jwtauth.http");

    private static final int MAX_LOGGED_PATH = 200;

    private HttpRefusals() {
    }

    static void log(HttpRequest<?> request, int status, String why) {
        if (LOG.isInfoEnabled()) {
            String path = request.getPath();
            if (path.length() > MAX_LOGGED_PATH) {
                path = path.substring(0, MAX_LOGGED_PATH) + "…";
            }
            LOG.info("Refused {} {} from {} with {}: {}", request.getMethodName(), path, request.getRemoteAddress(), status,
                    why);
        }
    }

    /**
     * Netty's decoder marks a request it could not read, and Micronaut answers such a request 400, or 413 for
     * anything too long. Which part was too long is in the decoder's cause: the request line (414) or the header
     * block (431, RFC 6585 §5).
     */
    static Optional<Throwable> decoderFailure(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            return Optional.ofNullable(netty.getNativeRequest().decoderResult().cause());
        }
        return Optional.empty();
    }

    static HttpStatus statusFor(Throwable decoderFailure, HttpStatus framework) {
        if (decoderFailure instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        if (decoderFailure instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return framework;
    }
}
