package io.jwtauth.adapter.rest;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a login, in simplejwt's field order. */
@Serdeable
record TokenPairResponse(String refresh, String access) {
}
