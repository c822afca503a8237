package io.jwtauth.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code auth.*} settings, simplejwt's settings under Micronaut names (see the README's table). Defaults live
 * in application.yml; each can be overridden by an environment variable such as {@code AUTH_SIGNING_KEY}.
 */
@ConfigurationProperties("auth")
record AuthProperties(
        @Bindable(defaultValue = "5m") Duration accessTokenLifetime,
        @Bindable(defaultValue = "1d") Duration refreshTokenLifetime,
        @Bindable(defaultValue = "false") boolean rotateRefreshTokens,
        @Bindable(defaultValue = "false") boolean blacklistAfterRotation,
        @Bindable(defaultValue = "HS256") String algorithm,
        @Nullable String signingKey,
        @Nullable String keyId,
        @Nullable String verificationKeys,
        @Bindable(defaultValue = "0s") Duration leeway,
        @Bindable(defaultValue = "30s") Duration refreshReuseGracePeriod,
        @Bindable(defaultValue = "5s") Duration userCacheTtl,
        @Nullable String issuer,
        @Nullable String audience,
        @Bindable(defaultValue = "./data") Path dataDir) {

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
