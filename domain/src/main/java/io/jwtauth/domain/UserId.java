package io.jwtauth.domain;

/** The database identity of a user; travels in tokens as the decimal string of the {@code user_id} claim. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
    }

    /** Reads the {@code user_id} claim; anything but a plain positive decimal is not one of our ids. */
    public static UserId parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || text.charAt(0) == '0') {
            throw new IllegalArgumentException("not a user id");
        }
        return new UserId(Long.parseLong(text));
    }

    public String asClaim() {
        return Long.toString(value);
    }
}
