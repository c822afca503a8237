package io.jwtauth.domain;

import java.util.Optional;

/** What a token may be used for, named on the wire by its {@code token_type} claim as simplejwt names it. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<TokenType> fromClaim(String claim) {
        for (TokenType type : values()) {
            if (type.claim.equals(claim)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
