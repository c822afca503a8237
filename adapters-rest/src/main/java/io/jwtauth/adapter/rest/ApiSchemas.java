package io.jwtauth.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The request and error bodies of the OpenAPI document, which the controllers cannot state themselves: they read
 * their fields through {@link RequestFields} (form or JSON alike) and answer errors as maps built by
 * {@link ErrorResponses}. Only micronaut-openapi's annotation processor reads these types; the names and shapes are
 * simplejwt's and DRF's, and {@code OpenApiConformanceFilter} (a test) checks every answer of the HTTP tests against
 * them.
 */
final class ApiSchemas {

    /** Request bodies: DRF's serializers ignore fields they do not declare, and so does {@link RequestFields}. */
    private static final String IGNORED = "Other fields are ignored.";

    private ApiSchemas() {
    }

    @Schema(name = "TokenObtainPairRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "simplejwt's TokenObtainPairSerializer. The password is "
            + "taken as sent (not trimmed). " + IGNORED)
    record ObtainRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) String username,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 4096) String password) {
    }

    @Schema(name = "TokenRefreshRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "A refresh token (simplejwt's TokenRefreshSerializer and "
            + "TokenBlacklistSerializer). " + IGNORED)
    record RefreshRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) String refresh) {
    }

    @Schema(name = "TokenVerifyRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "An access or refresh token (simplejwt's TokenVerifySerializer). "
            + IGNORED)
    record VerifyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) String token) {
    }

    @Schema(name = "PasswordChangeRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "The bearer's current and new password, each taken as sent. "
            + IGNORED)
    record PasswordChangeRequest(
            @JsonProperty("old_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 4096) String oldPassword,
            @JsonProperty("new_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 4096) String newPassword) {
    }

    @Schema(name = "Empty", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "simplejwt's empty answer, `{}`.")
    record Empty() {
    }

    @Schema(name = "Detail", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "DRF's error body: `{\"detail\": \"No active account found with the given "
            + "credentials\"}`, `{\"detail\": \"Not found.\"}`, `{\"detail\": \"JSON parse error - …\"}`, …")
    record Detail(String detail) {
    }

    @Schema(name = "CodedDetail", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "simplejwt's error body with a code: `token_not_valid`, "
            + "`bad_authorization_header`, `user_not_found`, `user_inactive`, `password_changed`, `service_unavailable`.")
    record CodedDetail(String detail, String code) {
    }

    @Schema(name = "TokenNotValidForAnyType", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "simplejwt's answer to a bad access token on a protected "
            + "endpoint: `Given token not valid for any token type`, code `token_not_valid`, and why.")
    record TokenNotValidForAnyType(String detail, String code, List<TokenMessage> messages) {
    }

    @Schema(name = "TokenMessage", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record TokenMessage(@JsonProperty("token_class") String tokenClass, @JsonProperty("token_type") String tokenType,
                        String message) {
    }

    @Schema(name = "Status", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record Status(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "ok") String status) {
    }

    @Schema(name = "JwkSet", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "RFC 7517 §5: each key a public JWK with `kty`, `kid`, `use`, `alg` and the "
            + "key's parameters.")
    record JwkSet(List<Jwk> keys) {
    }

    @Schema(name = "Jwk", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, description = "A public "
            + "JWK (RFC 7517 §4, RFC 7518 §6): `n`, `e` for RSA; `crv`, `x`, `y` for EC.")
    record Jwk(String kty, String kid, String use, String alg, @Nullable String n, @Nullable String e,
               @Nullable String crv, @Nullable String x, @Nullable String y) {
    }
}
