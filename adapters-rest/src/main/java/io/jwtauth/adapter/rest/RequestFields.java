package io.jwtauth.adapter.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a POST body, read from a form or a JSON object and checked by the rules of DRF's
 * {@code CharField}, so that a client gets the same 400 answers as from simplejwt. Errors are collected over
 * all fields and thrown together by {@link #done()}, as DRF reports every bad field at once.
 */
final class RequestFields {

    private static final String REQUIRED = "This field is required.";
    private static final String NULL = "This field may not be null.";
    private static final String BLANK = "This field may not be blank.";
    private static final String NOT_A_STRING = "Not a valid string.";

    private final Map<String, Object> values;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private RequestFields(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Reads a body; an empty body has no fields, as DRF treats it. A body with content needs a {@code Content-Type}
     * naming JSON or a form, by RFC 9110's grammar (any case, any parameters), with no charset or UTF-8: without one,
     * or with another charset, it is refused (415) rather than read by guess.
     *
     * @throws UnsupportedMediaType for a body whose type is missing, malformed, or not in UTF-8
     * @throws InvalidRequestBody for JSON that does not parse or is not an object
     */
    static RequestFields read(Optional<MediaType> contentType, byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            return new RequestFields(Map.of());
        }
        // MediaType keeps the header's text as sent; it is parsed again strictly, since MediaType itself is lenient.
        String sent = contentType.map(MediaType::toString).orElse("");
        MediaTypeHeader type = MediaTypeHeader.parse(sent).orElseThrow(() -> new UnsupportedMediaType(sent));
        if (type.charset().filter(charset -> !charset.equals("utf-8") && !charset.equals("utf8")).isPresent()) {
            throw new UnsupportedMediaType(sent);
        }
        if (type.is("application", "json")) {
            return new RequestFields(jsonObject(body, json));
        }
        if (type.is("application", "x-www-form-urlencoded")) {
            return new RequestFields(form(body));
        }
        throw new UnsupportedMediaType(sent);
    }

    private static Map<String, Object> jsonObject(byte[] body, JsonMapper json) {
        JsonNode root;
        try {
            requireOneValue(body);
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException malformed) {
            throw InvalidRequestBody.unparseable("JSON parse error - the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw InvalidRequestBody.notAnObject(pythonTypeName(root));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        root.entries().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }

    /**
     * One JSON value and nothing after it but white space, as Python's {@code json.loads} (and so DRF) requires:
     * {@code {…} x} or two objects in a row would otherwise be read as their first value, a guess a proxy may not share.
     */
    private static void requireOneValue(byte[] body) throws IOException {
        try (JsonParser parser = STRICT.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IOException("more after the JSON value");
            }
        }
    }

    private static final JsonFactory STRICT = JsonFactory.builder().build();

    private static Map<String, Object> form(byte[] body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        // Like Django's QueryDict (request.data[name] and .get(name)), the last of repeated names wins.
        UrlEncodedForm.pairs(body).forEach(pair -> fields.put(pair.name(), pair.value()));
        return fields;
    }

    private static String pythonTypeName(JsonNode node) {
        if (node == null || node.isNull()) {
            return "NoneType";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isString()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.getNumberValue() instanceof Double || node.getNumberValue() instanceof Float ? "float" : "int";
    }

    /** A text field whose surrounding white space is trimmed, as DRF's CharField does by default. */
    String text(String name) {
        return read(name, true, Integer.MAX_VALUE);
    }

    /** A field taken exactly as sent, such as a password, with an upper bound on its length. */
    String exactText(String name, int maxLength) {
        return read(name, false, maxLength);
    }

    /** Throws the collected errors, if any. */
    void done() {
        if (!errors.isEmpty()) {
            throw InvalidRequestBody.fields(errors);
        }
    }

    private String read(String name, boolean trim, int maxLength) {
        if (!values.containsKey(name)) {
            return fail(name, REQUIRED);
        }
        Object raw = values.get(name);
        String text;
        if (raw instanceof String string) {
            text = string;
        } else {
            JsonNode node = (JsonNode) raw;
            if (node.isNull()) {
                return fail(name, NULL);
            }
            if (node.isString()) {
                text = node.getStringValue();
            } else if (node.isNumber()) {
                // DRF's CharField accepts numbers and uses their text.
                text = node.getNumberValue().toString();
            } else {
                return fail(name, NOT_A_STRING);
            }
        }
        if (text.indexOf('\0') >= 0) {
            return fail(name, "Null characters are not allowed.");
        }
        if (trim) {
            text = text.strip();
        }
        if (text.isEmpty()) {
            return fail(name, BLANK);
        }
        if (text.length() > maxLength) {
            return fail(name, "Ensure this field has no more than " + maxLength + " characters.");
        }
        return text;
    }

    private String fail(String name, String message) {
        errors.put(name, List.of(message));
        return null;
    }
}
