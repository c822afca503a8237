package io.jwtauth.example.resourceserver;

import io.micronaut.runtime.Micronaut;

/**
 * A service that jwt-auth protects without calling it: it verifies jwt-auth's access tokens itself with
 * micronaut-security-jwt, configured as {@code docs/resource-servers.md} says.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
