package io.jwtauth.domain;

/** A password hash in the self-describing text form of its scheme, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$…}. */
public record PasswordHash(String encoded) {

    /** Room for any scheme's text form; Django's column holds 128 characters. */
    public static final int MAX_LENGTH = 255;

    public PasswordHash {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("password hash is required");
        }
        if (encoded.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password hash has at most " + MAX_LENGTH + " characters");
        }
    }

    /**
     * Whether any password can match it. Django marks accounts that must not log in with a password (social login,
     * {@code set_unusable_password}) by a hash starting with {@code !}; such accounts fail like unknown users.
     */
    public boolean usable() {
        return !encoded.startsWith("!");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
