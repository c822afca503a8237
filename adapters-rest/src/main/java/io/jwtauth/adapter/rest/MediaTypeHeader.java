package io.jwtauth.adapter.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Content-Type} value parsed by the grammar of RFC 9110 §8.3.1: {@code type "/" subtype *( OWS ";" OWS
 * parameter )}, a parameter being {@code token "=" ( token / quoted-string )}. Type, subtype and parameter names are
 * case-insensitive and kept in lower case; a parameter value is kept as sent, unquoted (§5.6.4). Anything else, such
 * as two media types joined by a comma (what a proxy makes of two {@code Content-Type} lines), is not a media type.
 */
record MediaTypeHeader(String type, String subtype, Map<String, String> parameters) {

    /** @return the media type, or empty if {@code value} does not follow the grammar */
    static Optional<MediaTypeHeader> parse(String value) {
        Parser parser = new Parser(value);
        String type = parser.token();
        if (type == null || !parser.skip('/')) {
            return Optional.empty();
        }
        String subtype = parser.token();
        if (subtype == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            parser.whiteSpace();
            if (parser.atEnd()) {
                break;
            }
            if (!parser.skip(';')) {
                return Optional.empty();
            }
            parser.whiteSpace();
            if (parser.atEnd() || parser.peek(';')) {
                // RFC 9110 allows empty parameters ("text/plain;;a=b" and a trailing ";").
                continue;
            }
            String name = parser.token();
            if (name == null || !parser.skip('=')) {
                return Optional.empty();
            }
            String parameterValue = parser.peek('"') ? parser.quotedString() : parser.token();
            if (parameterValue == null) {
                return Optional.empty();
            }
            parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), parameterValue);
        }
        return Optional.of(new MediaTypeHeader(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT),
                Map.copyOf(parameters)));
    }

    boolean is(String type, String subtype) {
        return this.type.equals(type) && this.subtype.equals(subtype);
    }

    /** The {@code charset} parameter, in lower case, if there is one. */
    Optional<String> charset() {
        return Optional.ofNullable(parameters.get("charset")).map(charset -> charset.toLowerCase(Locale.ROOT));
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at == text.length();
        }

        boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        boolean skip(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        void whiteSpace() {
            while (peek(' ') || peek('\t')) {
                at++;
            }
        }

        /** RFC 9110 §5.6.2: one or more tchar. */
        String token() {
            int start = at;
            while (at < text.length() && isTokenChar(text.charAt(at))) {
                at++;
            }
            return at > start ? text.substring(start, at) : null;
        }

        /** RFC 9110 §5.6.4, with its backslash escapes undone. */
        String quotedString() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (at == text.length()) {
                        return null;
                    }
                    c = text.charAt(at++);
                }
                if (c < ' ' && c != '\t' || c == 0x7f) {
                    return null;
                }
                value.append(c);
            }
            return null;
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }
}
