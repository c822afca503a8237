package io.jwtauth.adapter.rest;

import io.micronaut.serde.annotation.Serdeable;

/** The protected view's answer. */
@Serdeable
record Greeting(String message) {
}
