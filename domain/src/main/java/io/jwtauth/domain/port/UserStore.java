package io.jwtauth.domain.port;

/**
 * Every port onto the accounts, for the adapters that keep them (and the decorators that wrap one): each implements
 * the whole, once. No use case depends on this type; each depends on the narrow ports its client needs
 * ({@link UsersById} for a protected request, {@link UsersByName} and {@link PasswordHashUpgrades} for login,
 * {@link UserAdministration} for the operator's commands), which the architecture test enforces.
 */
public interface UserStore extends UsersById, UsersByName, PasswordHashUpgrades, UserAdministration {
}
