package io.jwtauth.domain;

/** The unique id of one token, its {@code jti} claim. */
public record TokenId(String value) {

    public TokenId {
        RandomId.require(value, "token id");
    }
}
