package io.jwtauth.domain.port;

import io.jwtauth.domain.RefreshTokenState;

/**
 * Every port onto the refresh token records, for the adapters that keep them: each implements the whole, once. Leaving
 * the active state is atomic across nodes: every method that retires tokens changes only those still
 * {@link RefreshTokenState#ACTIVE}. No use case depends on this type; each depends on the narrow ports its client needs
 * ({@link RefreshTokenRecords} to issue and present a token, {@link RefreshTokenFamilies} for rotation,
 * {@link RefreshTokenRevocation} for logout everywhere, {@link ExpiredRefreshTokens} for the flush), which the
 * architecture test enforces.
 */
public interface RefreshTokenStore
        extends RefreshTokenRecords, RefreshTokenFamilies, RefreshTokenRevocation, ExpiredRefreshTokens {
}
