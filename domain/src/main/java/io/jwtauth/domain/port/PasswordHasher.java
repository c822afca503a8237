package io.jwtauth.domain.port;

import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;

/** Turns passwords into slow, salted hashes and checks passwords against them in constant time. */
public interface PasswordHasher {

    PasswordHash hash(PlainPassword password);

    boolean matches(PlainPassword password, PasswordHash hash);
}
