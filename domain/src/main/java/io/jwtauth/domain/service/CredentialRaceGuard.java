package io.jwtauth.domain.service;

import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.RefreshTokenRecords;
import io.jwtauth.domain.port.UsersByName;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Closes the race between issuing a refresh token and a concurrent password change or deactivation. Such a change
 * revokes every token recorded before it; one that lands while a login checks the password, or while a refresh
 * exchange runs, would miss the token being issued. So the issuer records the token first and then asks this guard,
 * which reads the user again (by name, which bypasses any cache of users by id) and, if the credentials moved while
 * the issuer worked, revokes what was recorded.
 */
public final class CredentialRaceGuard {

    private final UsersByName users;
    private final RefreshTokenRecords refreshTokens;

    public CredentialRaceGuard(UsersByName users, RefreshTokenRecords refreshTokens) {
        this.users = users;
        this.refreshTokens = refreshTokens;
    }

    /**
     * Whether the token just recorded may be handed out: the user still exists, is active and passes
     * {@code credentialsUnchanged}. If not, the token is revoked as of {@code now} and the caller must refuse.
     */
    public boolean keep(TokenId recorded, Username owner, Predicate<User> credentialsUnchanged, Instant now) {
        boolean unchanged = users.findByUsername(owner)
                .filter(current -> current.active() && credentialsUnchanged.test(current))
                .isPresent();
        if (!unchanged) {
            refreshTokens.retire(recorded, RefreshTokenState.REVOKED, now);
        }
        return unchanged;
    }
}
