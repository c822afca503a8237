package io.jwtauth.domain.port;

import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import java.util.Optional;

/**
 * The owner of a token, looked up by the id its {@code user_id} claim carries: what authenticating a protected request,
 * verifying a token and refreshing need. It is on the hot path, so an adapter may answer it from a short-lived cache.
 */
public interface UsersById {

    Optional<User> findById(UserId id);
}
