package io.jwtauth.domain.port;

import io.jwtauth.domain.Claims;

/** Signs claims into a compact token and turns a presented token back into claims. */
public interface TokenCodec {

    String encode(Claims claims);

    /**
     * Checks the signature and the structure, strictly, and returns the claims. Does not check the validity
     * window: that is a domain rule with the domain's clock.
     *
     * @throws io.jwtauth.domain.TokenRejected with reason INVALID for anything malformed, forged or foreign
     */
    Claims decode(String token);
}
