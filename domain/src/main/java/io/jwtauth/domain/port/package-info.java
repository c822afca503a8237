/**
 * The ports: what the core needs from the outside world, each an interface an adapter implements, narrow enough that
 * each client (a protected request, login, an operator command, a flush) sees only what it uses. A store's ports are
 * gathered in one sum ({@code UserStore}, {@code RefreshTokenStore}, {@code LoginFailureStore}) for the adapters.
 */
package io.jwtauth.domain.port;
