package io.jwtauth.application;

import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.RefreshTokenRevocation;
import io.jwtauth.domain.port.SecurityEvents;
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
    private final SecurityEvents events;
    private final Clock clock;

    public RevokeAllRefreshTokens(RefreshTokenRevocation store, SecurityEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many tokens it revoked. */
    public int handle(Command command) {
        int revoked = store.revokeAllOf(command.user(), clock.instant());
        events.allRefreshTokensRevoked(command.user(), revoked);
        return revoked;
    }
}
