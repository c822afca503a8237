package io.jwtauth.adapter.rest;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code application/x-www-form-urlencoded} parser of the WHATWG URL Standard (§5.1), byte for byte, which is
 * also what Django's {@code QueryDict} (Python's {@code parse_qsl} with {@code keep_blank_values}) does with a UTF-8
 * body since CVE-2021-23336. Every byte sequence parses; nothing is refused:
 *
 * <ul>
 *   <li>fields are separated by {@code &} only ({@code ;} is data);</li>
 *   <li>an empty field ({@code a&&b}) is skipped; a field without {@code =} is a name with the empty value; the first
 *       {@code =} ends the name, later ones belong to the value; the empty name is a name;</li>
 *   <li>{@code +} is a space, in names and values;</li>
 *   <li>{@code %} followed by two hexadecimal digits (either case) is that byte; any other {@code %} stays a literal
 *       {@code %} (so {@code %zz}, {@code %4} and a trailing {@code %} are kept as written);</li>
 *   <li>the resulting bytes are decoded by the Encoding Standard's UTF-8 decoder (§9.1.1) without BOM handling: each
 *       ill-formed subsequence becomes one U+FFFD, by the "maximal subpart" rule that Python's {@code
 *       errors="replace"} follows too. The JDK's decoder differs on encoded surrogates ({@code ED A0 80} is one
 *       U+FFFD to it, three to the standard), so the standard's decoder is written out here;</li>
 *   <li>names keep their order and may repeat: {@link #pairs} returns every pair; which one counts is the caller's
 *       choice.</li>
 * </ul>
 *
 * <p>One difference from Django remains, and only for bodies that are not UTF-8 before percent-decoding: Django
 * decodes such a whole body as ISO-8859-1 first, while this parser (like the standard) decodes each name and value
 * after percent-decoding, with replacement. Clients that percent-encode non-ASCII text, as every encoder does, are
 * read identically.
 */
final class UrlEncodedForm {

    /** One name-value pair, in the order it was sent. */
    record Pair(String name, String value) {
    }

    private static final char REPLACEMENT = '\uFFFD';

    private UrlEncodedForm() {
    }

    /** @param body the raw bytes of the body, not decoded in any way */
    static List<Pair> pairs(byte[] body) {
        List<Pair> pairs = new ArrayList<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                pairs.add(new Pair(decode(body, start, equals), equals < end ? decode(body, equals + 1, end) : ""));
            }
            start = end + 1;
        }
        return pairs;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** {@code +} to space, then percent-decoding of the valid sequences, then UTF-8 decoding with replacement. */
    private static String decode(byte[] bytes, int from, int to) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                decoded.write(' ');
            } else if (b == '%' && i + 2 < to && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                decoded.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                decoded.write(b);
            }
        }
        return utf8(decoded.toByteArray());
    }

    /** The Encoding Standard's UTF-8 decoder (§9.1.1), with the replacement error mode. */
    static String utf8(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                i++;
                if (b <= 0x7F) {
                    text.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                    codePoint = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                    codePoint = b & 0x07;
                } else {
                    text.append(REPLACEMENT);
                }
                continue;
            }
            if (b < lower || b > upper) {
                // The byte is not consumed: it starts the next sequence.
                needed = 0;
                seen = 0;
                lower = 0x80;
                upper = 0xBF;
                text.append(REPLACEMENT);
                continue;
            }
            i++;
            lower = 0x80;
            upper = 0xBF;
            codePoint = codePoint << 6 | (b & 0x3F);
            seen++;
            if (seen == needed) {
                text.appendCodePoint(codePoint);
                needed = 0;
                seen = 0;
            }
        }
        if (needed != 0) {
            text.append(REPLACEMENT);
        }
        return text.toString();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
