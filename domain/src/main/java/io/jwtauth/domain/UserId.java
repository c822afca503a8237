package io.jwtauth.domain;

/**
 * The database identity of a user; travels in tokens as the decimal string of the {@code user_id} claim, and of
 * {@code sub} (which repeats it for standard resource servers).
 */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
    }

    /** Reads the {@code user_id} claim; anything but a plain positive decimal is not one of our ids. */
    public static UserId parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || text.charAt(0) == '0') {
            throw new IllegalArgumentException("not a user id");
        }
        // A loop rather than a stream: every protected request reads a user id.
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new IllegalArgumentException("not a user id");
            }
        }
        return new UserId(Long.parseLong(text));
    }

    public String asClaim() {
        return Long.toString(value);
    }
}
