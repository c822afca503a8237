package io.jwtauth.domain.port;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;

/** Unguessable ids for new tokens and families. */
public interface RandomIds {

    TokenId newTokenId();

    FamilyId newFamilyId();
}
