package io.jwtauth.application;

import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.RefreshTokenRevocation;
import java.time.Clock;
import java.util.Objects;

/**
 * Logout everywhere: every refresh token of the user is revoked, on every device. Access tokens already handed out
 * stay valid until they expire (minutes), as with any logout of stateless tokens.
 */
public final class RevokeAllRefreshTokens {

    public record Command(UserId user) {
        public Command {
            Objects.requireNonNull(user, "user");
        }
    }

    private final RefreshTokenRevocation store;
    private final Clock clock;

    public RevokeAllRefreshTokens(RefreshTokenRevocation store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Returns how many tokens it revoked. */
    public int handle(Command command) {
        return store.revokeAllOf(command.user(), clock.instant());
    }
}
