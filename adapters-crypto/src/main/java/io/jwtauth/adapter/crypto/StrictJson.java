package io.jwtauth.adapter.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a token's header or claims set: one JSON object in UTF-8, as RFC 8259 has it and nothing looser. Comments,
 * single quotes, unquoted names, trailing commas, NaN, leading zeros, other encodings, a byte order mark, bytes that
 * are not UTF-8, a repeated member name and anything after the object are all refused, so one token cannot be read
 * two ways.
 *
 * <p>Values come out as Nimbus' own parser gives them, which is what {@code JWSHeader.parse} expects: objects as
 * {@code Map}, arrays as {@code List}, whole numbers as {@code Long}, other numbers as {@code Double} (whole numbers
 * beyond {@code long} too), then {@code String}, {@code Boolean} and {@code null}.
 */
final class StrictJson {

    /** A header or claims set is flat; a little nesting is allowed for unknown claims, no more. */
    private static final int MAX_NESTING = 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private StrictJson() {
    }

    /** The object that {@code utf8} holds in full, or empty if it holds anything else or is not JSON as above. */
    static Optional<Map<String, Object>> object(byte[] utf8) {
        if (!isStrictUtf8WithoutByteOrderMark(utf8)) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Map<String, Object> object = objectAfterStart(parser);
            return parser.nextToken() == null ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * Jackson guesses the encoding of bytes (UTF-16 and UTF-32 too), skips a byte order mark and lets overlong forms and
     * encoded surrogates through; JSON text is UTF-8 without a byte order mark (RFC 8259, 8.1). A zero byte is in no
     * JSON text in UTF-8 and in every one in UTF-16 or UTF-32. Tokens are ASCII, so the full check rarely runs.
     */
    private static boolean isStrictUtf8WithoutByteOrderMark(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
            if (b < 0) {
                return !startsWithByteOrderMark(bytes) && decodesStrictly(bytes);
            }
        }
        return true;
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    private static boolean decodesStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static Map<String, Object> objectAfterStart(JsonParser parser) throws IOException {
        Map<String, Object> object = new HashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            object.put(name, value(parser));
        }
        return object;
    }

    private static List<Object> arrayAfterStart(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    // Not a conditional expression: one with a double and a long operand gives a double either way.
    private static Number wholeNumber(JsonParser parser) throws IOException {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return Double.valueOf(parser.getDoubleValue());
        }
        return Long.valueOf(parser.getLongValue());
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> objectAfterStart(parser);
            case START_ARRAY -> arrayAfterStart(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> wholeNumber(parser);
            case VALUE_NUMBER_FLOAT -> Double.valueOf(parser.getDoubleValue());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken());
        };
    }
}
