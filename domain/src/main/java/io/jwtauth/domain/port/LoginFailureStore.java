package io.jwtauth.domain.port;

/**
 * Every port onto the failed-login tallies, for the adapters that keep them: each implements the whole, once. No use
 * case or domain service depends on this type: the throttle uses {@link LoginFailureTallies}, the flush
 * {@link ForgottenLoginFailures}, which the architecture test enforces.
 */
public interface LoginFailureStore extends LoginFailureTallies, ForgottenLoginFailures {
}
