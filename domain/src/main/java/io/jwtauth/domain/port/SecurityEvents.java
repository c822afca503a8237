package io.jwtauth.domain.port;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.UserId;

/**
 * Where the core reports what an operator must hear about and count: one method per security event, called by the use
 * case where the event happens, after it happened. Events carry ids, never tokens, passwords or hashes; a submitted
 * username is not passed either, as users type passwords into that field by mistake.
 */
public interface SecurityEvents {

    /** A login succeeded and started a new token family. */
    void loginSucceeded(UserId user);

    /** A login was refused: unknown or inactive user, or a wrong password (the answer does not tell which). */
    void loginFailed(ClientAddress client);

    /** A login was refused before any password check (429), for {@link LoginThrottled#retryAfter()}. */
    void loginThrottled(ClientAddress client, LoginThrottled refusal);

    /** A login was refused because every password-hashing thread was busy and the queue full (503). */
    void loginOverCapacity(ClientAddress client);

    /** A refresh token was exchanged for an access token; {@code rotated}: a new refresh token came with it. */
    void refreshed(UserId user, boolean rotated);

    /** A refresh token that had already been exchanged was presented again, so its whole family was revoked. */
    void refreshTokenReused(UserId user, FamilyId family, int revokedTokens);

    /** Logout: a refresh token was blacklisted. */
    void refreshTokenBlacklisted(UserId user);

    /** Logout everywhere: every refresh token of the user was revoked. */
    void allRefreshTokensRevoked(UserId user, int revokedTokens);

    /** A user changed their password; every earlier token of theirs is revoked. */
    void passwordChanged(UserId user);

    /**
     * A signed-in user's password change was refused because the old password was wrong (400). It counts against the
     * account's login throttle, so the holder of a stolen access token guessing the password shows here. No client
     * address: the account, not the address, is throttled on this path.
     */
    void passwordChangeFailed(UserId user);

    /**
     * A signed-in user's password change was refused by the account's login throttle before any password check (429),
     * for {@link LoginThrottled#retryAfter()}.
     */
    void passwordChangeThrottled(UserId user, LoginThrottled refusal);
}
