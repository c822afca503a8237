package io.jwtauth.adapter.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.netty.NettyHttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Netty lets through but RFC 9110 and RFC 9112 say a server must not read by guess, refused before routing with
 * DRF's JSON and one log line ({@link HttpRefusals}):
 *
 * <ul>
 *   <li>an HTTP version other than 1.0 and 1.1 on this HTTP/1 connection: 505 (RFC 9110 §15.6.6);</li>
 *   <li>a {@code Transfer-Encoding} whose last coding is not {@code chunked}: the body's length cannot be known, so
 *       400 and the connection is closed (RFC 9112 §6.3); codings besides {@code chunked} that we do not implement:
 *       501 (RFC 9112 §6.1);</li>
 *   <li>an HTTP/1.1 request without exactly one {@code Host} line, or with a {@code Host} that is not
 *       {@code uri-host [":" port]}: 400 (RFC 9112 §3.2);</li>
 *   <li>a compressed body ({@code Content-Encoding} other than {@code identity}, checked only when there is a body): 415 with {@code Accept-Encoding:
 *       identity} (RFC 9110 §8.4.1, §15.5.16). simplejwt's clients never compress, and request decompression is
 *       turned off ({@code micronaut.server.netty.request-decompression-enabled: false}), which leaves the header
 *       for this check to see;</li>
 *   <li>more than one {@code Origin} line, or {@code Content-Type} line on a request with a body: 400, since which one
 *       counts would be a guess
 *       (a proxy may read the other).</li>
 * </ul>
 *
 * <p>It also gives DRF's JSON shape to any error the framework answers with an empty body, such as the 403 that
 * Micronaut's CORS filter answers to a request its configuration forbids.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HttpMessageChecks implements Ordered {

    /** RFC 3986's host (IP-literal, IPv4 or reg-name, percent-encoding allowed) and an optional port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.vV]+]|[A-Za-z0-9\\-._~!$&'()*+,;=%]*)(:[0-9]*)?");

    private static final List<String> SINGLE_LINE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ORIGIN);

    @Override
    public int getOrder() {
        // First in, last out: its response filter sees what every other filter answered, the CORS filter's included.
        return ServerFilterPhase.FIRST.before();
    }

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (HttpRefusals.decoderFailure(request).isPresent()) {
            return null; // Micronaut answers these itself; SimpleJwtErrorResponseProcessor shapes and logs the answer.
        }
        io.netty.handler.codec.http.HttpVersion version = request instanceof NettyHttpRequest<?> netty
                ? netty.getNativeRequest().protocolVersion() : null;
        if (version != null && (version.majorVersion() != 1 || version.minorVersion() > 1)) {
            // Micronaut answers in the request's version; ours is HTTP/1.1, and the client's framing is unknown.
            ((NettyHttpRequest<?>) request).getNativeRequest().setProtocolVersion(io.netty.handler.codec.http.HttpVersion.HTTP_1_1);
            return refuse(request, HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported.",
                    "request line names " + version.text())
                    .header(HttpHeaders.CONNECTION, "close");
        }
        List<String> codings = request.getHeaders().getAll(HttpHeaders.TRANSFER_ENCODING).stream()
                .flatMap(value -> Stream.of(value.split(",")))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .filter(coding -> !coding.isEmpty())
                .toList();
        if (!codings.isEmpty() && !codings.get(codings.size() - 1).equals("chunked")) {
            return refuse(request, HttpStatus.BAD_REQUEST, "The body's length cannot be determined.",
                    "Transfer-Encoding " + codings + " does not end in chunked")
                    .header(HttpHeaders.CONNECTION, "close");
        }
        if (codings.size() > 1) {
            return refuse(request, HttpStatus.NOT_IMPLEMENTED, "Transfer coding not implemented.",
                    "Transfer-Encoding " + codings)
                    .header(HttpHeaders.CONNECTION, "close");
        }
        // Content-Encoding and Content-Type describe a body: on a request without one (a proxy's forward-auth
        // sub-request copies the client's headers but not its body) there is nothing to misread.
        boolean hasBody = !codings.isEmpty() || request.getContentLength() > 0;
        List<String> contentCodings = !hasBody ? List.of() : request.getHeaders().getAll(HttpHeaders.CONTENT_ENCODING).stream()
                .flatMap(value -> Stream.of(value.split(",")))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .filter(coding -> !coding.isEmpty() && !coding.equals("identity"))
                .toList();
        if (!contentCodings.isEmpty()) {
            return refuse(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding \"" + String.join(", ", contentCodings) + "\" is not supported.",
                    "Content-Encoding " + contentCodings)
                    .header(HttpHeaders.ACCEPT_ENCODING, "identity");
        }
        List<String> hosts = request.getHeaders().getAll(HttpHeaders.HOST);
        boolean http11 = version == null || version.minorVersion() == 1;
        if (hosts.size() > 1 || (http11 && hosts.isEmpty())) {
            return refuse(request, HttpStatus.BAD_REQUEST, "A request must have exactly one Host header.",
                    hosts.size() + " Host header lines");
        }
        if (!hosts.isEmpty() && !HOST.matcher(hosts.get(0)).matches()) {
            return refuse(request, HttpStatus.BAD_REQUEST, "Invalid Host header.", "Host is not uri-host[:port]");
        }
        for (String name : hasBody ? SINGLE_LINE_HEADERS : List.of(HttpHeaders.ORIGIN)) {
            int lines = request.getHeaders().getAll(name).size();
            if (lines > 1) {
                return refuse(request, HttpStatus.BAD_REQUEST, "A request may have only one " + name + " header.",
                        lines + " " + name + " header lines");
            }
        }
        return null;
    }

    @ResponseFilter
    void shapeEmptyErrors(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return;
        }
        HttpRefusals.log(request, response.code(), response.code() == 403
                ? "Micronaut's CORS filter forbade the Origin " + request.getOrigin().orElse("(none)")
                        + " (see docs/http.md, CORS)"
                : "answered by the framework without a body");
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> shaped = (MutableHttpResponse<Object>) response;
        String contentType = request.getContentType().map(MediaType::toString).orElse("");
        shaped.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorResponses.forStatus(response.status(), request.getMethodName(), contentType));
    }

    private static MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String detail, String why) {
        HttpRefusals.log(request, status.getCode(), why);
        return ErrorResponses.refused(status, detail);
    }
}
