/** The ports: what the core needs from the outside world, each an interface an adapter implements. */
package io.jwtauth.domain.port;
