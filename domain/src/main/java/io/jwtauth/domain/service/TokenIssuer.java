package io.jwtauth.domain.service;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.port.RandomIds;
import java.time.Instant;
import java.util.Optional;

/** Makes the claims of new tokens: fresh ids, the configured lifetimes, the family a refresh token belongs to. */
public final class TokenIssuer {

    private final TokenSettings settings;
    private final RandomIds randomIds;

    public TokenIssuer(TokenSettings settings, RandomIds randomIds) {
        this.settings = settings;
        this.randomIds = randomIds;
    }

    public Claims access(UserId user, Instant now) {
        return new Claims(TokenType.ACCESS, randomIds.newTokenId(), user, now, now.plus(settings.accessTokenLifetime()),
                Optional.empty(), Optional.empty());
    }

    public Claims refresh(UserId user, FamilyId family, Instant now) {
        return new Claims(TokenType.REFRESH, randomIds.newTokenId(), user, now, now.plus(settings.refreshTokenLifetime()),
                Optional.empty(), Optional.of(family));
    }

    /**
     * The claims of a refresh token that was already issued, for handing it out once more: its recorded id, owner,
     * family and expiry. Its {@code iat} is its expiry less the configured lifetime (what it was at issue unless the
     * lifetime changed since), never later than {@code now}.
     */
    public Claims refreshAgain(IssuedRefreshToken issued, Instant now) {
        Instant issuedAt = issued.expiresAt().minus(settings.refreshTokenLifetime());
        return new Claims(TokenType.REFRESH, issued.id(), issued.userId(), issuedAt.isAfter(now) ? now : issuedAt,
                issued.expiresAt(), Optional.empty(), Optional.of(issued.family()));
    }

    public FamilyId newFamily() {
        return randomIds.newFamilyId();
    }
}
