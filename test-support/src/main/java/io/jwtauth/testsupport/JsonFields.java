package io.jwtauth.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string members of a one-level JSON object, such as a token pair {@code {"refresh":"…","access":"…"}}, read
 * without a JSON library so that any module's tests (and the JDK-only test support) can use it. Members whose value
 * is not a string (numbers, objects) are skipped, as are strings holding an escaped quote.
 */
public final class JsonFields {

    private static final Pattern STRING_MEMBER = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

    private JsonFields() {
    }

    /** Every string member, in the order of the text. */
    public static Map<String, String> of(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = STRING_MEMBER.matcher(json);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    /** The string member {@code name}; IllegalArgumentException naming the text if there is none. */
    public static String field(String json, String name) {
        String value = of(json).get(name);
        if (value == null) {
            throw new IllegalArgumentException("no field " + name + " in " + json);
        }
        return value;
    }
}
