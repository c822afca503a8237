package io.jwtauth.domain;

import java.util.Objects;

/** The encoded refresh and access tokens handed out at login. */
public record TokenPair(String refresh, String access) {

    public TokenPair {
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(access, "access");
    }
}
