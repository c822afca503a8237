package io.jwtauth.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A login name as Django's default user model allows it: up to 150 letters, digits and {@code @.+-_}.
 * Names are normalized to Unicode NFKC, so visually identical spellings cannot be two accounts, and stay
 * case-sensitive as in Django.
 */
public record Username(String value) {

    public static final int MAX_LENGTH = 150;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{N}_.@+-]+");

    public Username {
        if (value == null) {
            throw new IllegalArgumentException("username is required");
        }
        value = Normalizer.normalize(value, Normalizer.Form.NFKC);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("username must have 1 to " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("username may contain only letters, digits and @/./+/-/_");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
