package io.jwtauth.domain;

/** A password hash in the self-describing text form of its scheme, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$…}. */
public record PasswordHash(String encoded) {

    public PasswordHash {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("password hash is required");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
