package io.jwtauth.domain.port;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.UserId;

/** Where the core reports what an operator must hear about. Events carry ids, never tokens or passwords. */
public interface SecurityEvents {

    /** A refresh token that had already been exchanged was presented again, so its whole family was revoked. */
    void refreshTokenReused(UserId user, FamilyId family, int revokedTokens);
}
