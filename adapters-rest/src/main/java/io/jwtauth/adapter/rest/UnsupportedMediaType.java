package io.jwtauth.adapter.rest;

/**
 * A body whose {@code Content-Type} we cannot read: missing, malformed, or naming a charset other than UTF-8.
 * Answered with DRF's {@code UnsupportedMediaType}: 415 and {@code Unsupported media type "<value>" in request.}
 */
final class UnsupportedMediaType extends RuntimeException {

    private final String contentType;

    UnsupportedMediaType(String contentType) {
        super("unsupported media type", null, false, false);
        this.contentType = contentType;
    }

    /** The header's value as sent, or the empty string when there was none (as DRF words it). */
    String contentType() {
        return contentType;
    }
}
