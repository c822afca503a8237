package io.jwtauth.domain;

/**
 * The shape shared by token and family ids: 16 to 64 URL-safe characters, as a random generator makes them. Checked
 * character by character rather than with a regular expression: every protected request reads a token id.
 */
final class RandomId {

    private RandomId() {
    }

    static String require(String value, String what) {
        if (value == null || value.length() < 16 || value.length() > 64 || !urlSafe(value)) {
            throw new IllegalArgumentException(what + " must be 16 to 64 URL-safe characters");
        }
        return value;
    }

    private static boolean urlSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
