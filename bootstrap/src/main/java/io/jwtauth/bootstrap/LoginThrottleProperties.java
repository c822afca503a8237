package io.jwtauth.bootstrap;

import io.jwtauth.domain.LoginThrottlePolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The {@code auth.login-throttle.*} settings of the policy (see docs/configuration.md; defaults in application.yml). The group's {@code trusted-proxies} is
 * read by the REST adapter, which alone knows about headers.
 */
@ConfigurationProperties("auth.login-throttle")
record LoginThrottleProperties(
        int accountThreshold,
        int addressThreshold,
        Duration firstDelay,
        Duration maxDelay,
        Duration forgetAfter) {

    LoginThrottlePolicy policy() {
        return new LoginThrottlePolicy(accountThreshold, addressThreshold, firstDelay, maxDelay, forgetAfter);
    }
}
