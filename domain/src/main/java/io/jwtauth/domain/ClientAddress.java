package io.jwtauth.domain;

import java.util.regex.Pattern;

/**
 * Where a login attempt came from, as the transport saw it (an IP address in text form), so that failures can be
 * counted per source as well as per account. Bounded and printable, since it becomes part of a database key.
 */
public record ClientAddress(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1," + MAX_LENGTH + "}");

    public ClientAddress {
        if (value == null || !PRINTABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("a client address is 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }
}
