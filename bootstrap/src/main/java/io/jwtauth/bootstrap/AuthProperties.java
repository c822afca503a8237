package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code auth.*} settings, simplejwt's settings under Micronaut names (see docs/configuration.md). Defaults live
 * in application.yml; each can be overridden by an environment variable such as {@code AUTH_SIGNING_KEY}.
 */
@ConfigurationProperties("auth")
record AuthProperties(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        boolean rotateRefreshTokens,
        boolean blacklistAfterRotation,
        String algorithm,
        @Nullable String signingKey,
        @Nullable String keyId,
        @Nullable String verificationKeys,
        Duration leeway,
        Duration refreshReuseGracePeriod,
        Duration userCacheTtl,
        @Nullable String issuer,
        @Nullable String audience,
        Path dataDir) {

    Optional<String> configuredSigningKey() {
        return Optional.ofNullable(signingKey).filter(key -> !key.isBlank());
    }

    Optional<String> configuredKeyId() {
        return Optional.ofNullable(keyId).filter(value -> !value.isBlank());
    }

    Optional<String> configuredVerificationKeys() {
        return Optional.ofNullable(verificationKeys).filter(value -> !value.isBlank());
    }

    Optional<String> configuredIssuer() {
        return Optional.ofNullable(issuer).filter(value -> !value.isBlank());
    }

    Optional<String> configuredAudience() {
        return Optional.ofNullable(audience).filter(value -> !value.isBlank());
    }
}
