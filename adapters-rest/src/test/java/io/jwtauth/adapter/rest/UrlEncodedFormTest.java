package io.jwtauth.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jwtauth.adapter.rest.UrlEncodedForm.Pair;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WHATWG urlencoded parser: a table of edge cases, each written as the bytes a client sends, and the round trip
 * through standard encoders for any text.
 */
class UrlEncodedFormTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // separators: & only; ; is data (CVE-2021-23336), empty fields skipped
                row("", List.of()),
                row("a=1&b=2", List.of(new Pair("a", "1"), new Pair("b", "2"))),
                row("username=semi.user&password=pass;word1",
                        List.of(new Pair("username", "semi.user"), new Pair("password", "pass;word1"))),
                row("a=1;b=2", List.of(new Pair("a", "1;b=2"))),
                row("&&a=1&&&b=2&", List.of(new Pair("a", "1"), new Pair("b", "2"))),
                row("&", List.of()),
                // names and values: first = splits, no = means the empty value, the empty name is a name
                row("a", List.of(new Pair("a", ""))),
                row("a=", List.of(new Pair("a", ""))),
                row("=x", List.of(new Pair("", "x"))),
                row("=", List.of(new Pair("", ""))),
                row("a==b", List.of(new Pair("a", "=b"))),
                row("a=b=c", List.of(new Pair("a", "b=c"))),
                row("a=1&a=2", List.of(new Pair("a", "1"), new Pair("a", "2"))),
                // + is a space, %2B a plus; spaces and controls sent raw are data
                row("+a+=+b+", List.of(new Pair(" a ", " b "))),
                row("a=%2B&b=%2b", List.of(new Pair("a", "+"), new Pair("b", "+"))),
                row("a b=c d", List.of(new Pair("a b", "c d"))),
                row("a=b\r\nc=d", List.of(new Pair("a", "b\r\nc=d"))),
                // valid percent-sequences, either case, in names too
                row("%61=%62", List.of(new Pair("a", "b"))),
                row("a=%26b%3Dc", List.of(new Pair("a", "&b=c"))),
                row("a=%41%4a%4A", List.of(new Pair("a", "AJJ"))),
                row("a=%00", List.of(new Pair("a", "\0"))),
                // invalid percent-sequences stay as written
                row("a=%zz", List.of(new Pair("a", "%zz"))),
                row("a=%4", List.of(new Pair("a", "%4"))),
                row("a=%", List.of(new Pair("a", "%"))),
                row("a=%%41", List.of(new Pair("a", "%A"))),
                row("a=%41%", List.of(new Pair("a", "A%"))),
                row("a=%G1%1G", List.of(new Pair("a", "%G1%1G"))),
                row("a=%4&b=%", List.of(new Pair("a", "%4"), new Pair("b", "%"))),
                row("%=%", List.of(new Pair("%", "%"))),
                // UTF-8 after percent-decoding, one U+FFFD per ill-formed subpart, BOM kept
                row("a=%C3%A9", List.of(new Pair("a", "é"))),
                row("a=%F0%9F%94%91", List.of(new Pair("a", "\uD83D\uDD11"))),
                row("a=%C3", List.of(new Pair("a", "\uFFFD"))),
                row("a=%C3x", List.of(new Pair("a", "\uFFFDx"))),
                row("a=%FF%FE", List.of(new Pair("a", "\uFFFD\uFFFD"))),
                row("a=%F0%9F%94", List.of(new Pair("a", "\uFFFD"))),
                row("a=%ED%A0%80", List.of(new Pair("a", "\uFFFD\uFFFD\uFFFD"))),
                row("a=%C0%80", List.of(new Pair("a", "\uFFFD\uFFFD"))),
                row("a=%EF%BB%BFx", List.of(new Pair("a", "\uFEFFx"))),
                row("a=%E0%80%80", List.of(new Pair("a", "\uFFFD\uFFFD\uFFFD"))),
                row("a=%F4%90%80%80", List.of(new Pair("a", "\uFFFD\uFFFD\uFFFD\uFFFD"))),
                row("a=%F0%9FA", List.of(new Pair("a", "\uFFFDA"))),
                row("a=%F8%88%80%80%80", List.of(new Pair("a", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"))),
                row("a=%E1%80%C3%A9", List.of(new Pair("a", "\uFFFDé"))),
                row("a=%80%80", List.of(new Pair("a", "\uFFFD\uFFFD"))),
                // raw bytes and percent-sequences make one byte string before decoding
                Arguments.of(bytes("a=", new byte[] {(byte) 0xC3}, "%A9"), List.of(new Pair("a", "é"))),
                Arguments.of(bytes("a=", new byte[] {(byte) 0xC3, (byte) 0xA9}, ""), List.of(new Pair("a", "é"))),
                Arguments.of(bytes("a=", new byte[] {(byte) 0xE9}, ""), List.of(new Pair("a", "\uFFFD"))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void parsesLikeTheWhatwgAlgorithm(byte[] body, List<Pair> expected) {
        assertThat(UrlEncodedForm.pairs(body)).as(new String(body, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void textEncodedByUrlEncoderDecodesBackToItself(@ForAll("fields") List<Pair> fields) {
        StringBuilder body = new StringBuilder();
        for (Pair field : fields) {
            body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(field.name(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.value(), StandardCharsets.UTF_8));
        }
        assertThat(UrlEncodedForm.pairs(body.toString().getBytes(StandardCharsets.US_ASCII))).isEqualTo(fields);
    }

    @Property(tries = 2000)
    void textPercentEncodedByHandDecodesBackToItself(@ForAll("fields") List<Pair> fields, @ForAll boolean lowerCase) {
        StringBuilder body = new StringBuilder();
        for (Pair field : fields) {
            body.append(body.length() == 0 ? "" : "&")
                    .append(percentEncode(field.name(), lowerCase)).append('=')
                    .append(percentEncode(field.value(), lowerCase));
        }
        assertThat(UrlEncodedForm.pairs(body.toString().getBytes(StandardCharsets.US_ASCII))).isEqualTo(fields);
    }

    @Property(tries = 2000)
    void anyBytesParseWithoutFailing(@ForAll byte[] body) {
        List<Pair> pairs = UrlEncodedForm.pairs(body);
        long separators = 0;
        for (byte b : body) {
            separators += b == '&' ? 1 : 0;
        }
        assertThat(pairs.size()).isLessThanOrEqualTo((int) separators + 1);
    }

    @Property(tries = 2000)
    void wellFormedUtf8DecodesAsTheJdkDecodesIt(@ForAll("fields") List<Pair> fields) {
        String text = fields.toString();
        assertThat(UrlEncodedForm.utf8(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    /** Whatever the bytes, the result is text: no lone surrogate, so it survives encoding again unchanged. */
    @Property(tries = 2000)
    void anyBytesDecodeToWellFormedText(@ForAll byte[] bytes) {
        String text = UrlEncodedForm.utf8(bytes);
        assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    /**
     * Names and values of any Unicode text, with the characters that matter to the parser ({@code &=+%;}, space)
     * made frequent. Lone surrogates are left out: they are not text and no encoder can write them in UTF-8.
     */
    @Provide
    Arbitrary<List<Pair>> fields() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of((int) '&', (int) '=', (int) '+', (int) '%', (int) ';', (int) ' ')),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xE000, 0x10FFFF)));
        Arbitrary<String> text = codePoint.list().ofMaxSize(12).map(UrlEncodedFormTest::fromCodePoints);
        return Combinators.combine(text, text).as(Pair::new).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Every UTF-8 byte except RFC 3986's unreserved characters as {@code %XX}, spaces as {@code %20}. */
    private static String percentEncode(String text, boolean lowerCase) {
        HexFormat hex = lowerCase ? HexFormat.of() : HexFormat.of().withUpperCase();
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(hex.toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    private static Arguments row(String body, List<Pair> expected) {
        return Arguments.of(body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

}
