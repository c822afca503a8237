package io.jwtauth.domain;

/**
 * What failed logins are counted against: a submitted username (whether or not such an account exists, so that the
 * counting tells nothing about existence) or a client address. Readable, so an operator can find and clear one.
 */
public record ThrottleKey(String value) {

    public static final int MAX_LENGTH = 200;

    public ThrottleKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a throttle key has 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static ThrottleKey account(Username username) {
        return new ThrottleKey("account:" + username.value());
    }

    public static ThrottleKey address(ClientAddress address) {
        return new ThrottleKey("address:" + address.value());
    }
}
