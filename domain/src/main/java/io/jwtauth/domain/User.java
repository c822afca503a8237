package io.jwtauth.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An account that can log in while it is active. {@code credentialsChangedAt} moves forward when the password
 * changes or the account is deactivated: tokens issued before it no longer speak for the user, without any
 * password-derived value in the tokens.
 */
public record User(UserId id, Username username, PasswordHash passwordHash, boolean active, Instant credentialsChangedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(credentialsChangedAt, "credentialsChangedAt");
    }

    /**
     * Whether a token issued at {@code issuedAt} predates the last credentials change. JWT times are whole seconds,
     * so a token issued within the same second as the change still counts as issued after it.
     */
    public boolean issuedBeforeCredentialsChanged(Instant issuedAt) {
        return issuedAt.isBefore(credentialsChangedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
