package io.jwtauth.application;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.port.RefreshTokenStore;
import java.util.Objects;

/** Logout: retires an active refresh token for good. */
public final class BlacklistRefreshToken {

    public record Command(String refreshToken) {
        public Command {
            Objects.requireNonNull(refreshToken, "refreshToken");
        }
    }

    private final ActiveRefreshTokens activeRefreshTokens;
    private final RefreshTokenStore store;

    public BlacklistRefreshToken(ActiveRefreshTokens activeRefreshTokens, RefreshTokenStore store) {
        this.activeRefreshTokens = activeRefreshTokens;
        this.store = store;
    }

    public void handle(Command command) {
        Claims refresh = activeRefreshTokens.verify(command.refreshToken());
        if (!store.retire(refresh.id(), RefreshTokenState.BLACKLISTED)) {
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
    }
}
