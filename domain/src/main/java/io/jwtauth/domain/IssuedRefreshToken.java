package io.jwtauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server remembers of a refresh token it handed out: enough to revoke it, never the token text,
 * so a copy of the database yields no usable token.
 */
public record IssuedRefreshToken(TokenId id, UserId userId, FamilyId family, Optional<TokenId> parent, Instant expiresAt) {

    public IssuedRefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static IssuedRefreshToken of(Claims refresh, Optional<TokenId> parent) {
        refresh.requireType(TokenType.REFRESH);
        return new IssuedRefreshToken(refresh.id(), refresh.userId(), refresh.requireFamily(), parent, refresh.expiresAt());
    }
}
