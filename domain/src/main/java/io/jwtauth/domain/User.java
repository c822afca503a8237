package io.jwtauth.domain;

import java.util.Objects;

/** An account that can log in while it is active. */
public record User(UserId id, Username username, PasswordHash passwordHash, boolean active) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
