package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.port.RefreshTokenRecords;
import io.jwtauth.domain.port.SecurityEvents;
import java.time.Clock;
import java.util.Objects;

/** Logout: retires an active refresh token for good. */
public final class BlacklistRefreshToken {

    public record Command(String refreshToken) {
        public Command {
            Objects.requireNonNull(refreshToken, "refreshToken");
        }
    }

    private final ActiveRefreshTokens activeRefreshTokens;
    private final RefreshTokenRecords store;
    private final SecurityEvents events;
    private final Clock clock;

    public BlacklistRefreshToken(ActiveRefreshTokens activeRefreshTokens, RefreshTokenRecords store, SecurityEvents events,
                                 Clock clock) {
        this.activeRefreshTokens = activeRefreshTokens;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public void handle(Command command) {
        Claims refresh = activeRefreshTokens.requireActive(command.refreshToken());
        if (!store.retire(refresh.id(), RefreshTokenState.BLACKLISTED, clock.instant())) {
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
        events.refreshTokenBlacklisted(refresh.userId());
    }
}
