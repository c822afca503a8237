package io.jwtauth.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a refresh: a new access token, and a new refresh token only under rotation. */
@Serdeable
@Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@JsonInclude(JsonInclude.Include.NON_NULL)
record RefreshResponse(String access, @Nullable String refresh) {
}
