/** Starts jwt-auth: configuration, the explicit wiring of use cases to adapters, the server and the CLI. */
package io.jwtauth.bootstrap;
