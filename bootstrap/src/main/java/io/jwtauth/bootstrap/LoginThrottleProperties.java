package io.jwtauth.bootstrap;

import io.jwtauth.domain.LoginThrottlePolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The {@code auth.login-throttle.*} settings of the policy (see the README). The group's {@code trusted-proxies} is
 * read by the REST adapter, which alone knows about headers.
 */
@ConfigurationProperties("auth.login-throttle")
record LoginThrottleProperties(
        @Bindable(defaultValue = "10") int accountThreshold,
        @Bindable(defaultValue = "100") int addressThreshold,
        @Bindable(defaultValue = "1s") Duration firstDelay,
        @Bindable(defaultValue = "15m") Duration maxDelay,
        @Bindable(defaultValue = "1d") Duration forgetAfter) {

    LoginThrottlePolicy policy() {
        return new LoginThrottlePolicy(accountThreshold, addressThreshold, firstDelay, maxDelay, forgetAfter);
    }
}
