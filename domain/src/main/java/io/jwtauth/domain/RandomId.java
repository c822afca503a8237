package io.jwtauth.domain;

import java.util.regex.Pattern;

/** The shape shared by token and family ids: 16 to 64 URL-safe characters, as a random generator makes them. */
final class RandomId {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private RandomId() {
    }

    static String require(String value, String what) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 16 to 64 URL-safe characters");
        }
        return value;
    }
}
