package io.jwtauth.domain;

/**
 * A password as the user typed it. Its length is bounded so that nobody can make the server hash megabytes;
 * {@link #toString()} never shows it.
 */
public record PlainPassword(String value) {

    public static final int MAX_LENGTH = 4096;

    public PlainPassword {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("password is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must have at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "PlainPassword[redacted]";
    }
}
