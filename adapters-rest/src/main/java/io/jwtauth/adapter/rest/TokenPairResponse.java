package io.jwtauth.adapter.rest;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a login, in simplejwt's field order. */
@Serdeable
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record TokenPairResponse(String refresh, String access) {
}
