package io.jwtauth.adapter.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a token's header or claims set: one JSON object in UTF-8, as RFC 8259 has it and nothing looser. Comments,
 * single quotes, unquoted names, trailing commas, NaN, leading zeros, bytes that are not UTF-8, a repeated member name
 * and anything after the object are all refused, so one token cannot be read two ways.
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

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> objectAfterStart(parser);
            case START_ARRAY -> arrayAfterStart(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getDoubleValue()
                    : parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken());
        };
    }
}
