package io.jwtauth.domain;

/**
 * The id shared by every refresh token that descends from one login. Rotation passes it on, so that
 * revoking a family ends one session on every device it was copied to, and nothing else.
 */
public record FamilyId(String value) {

    public FamilyId {
        RandomId.require(value, "family id");
    }
}
