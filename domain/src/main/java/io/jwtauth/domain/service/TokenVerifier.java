package io.jwtauth.domain.service;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.port.TokenCodec;
import java.time.Clock;
import java.time.Duration;

/**
 * The one path by which a presented token becomes trusted claims: signature and structure (the codec),
 * then the validity window, then the type, in simplejwt's order so that the same token fails with the
 * same message. It touches no database; callers that need state check it afterwards.
 */
public final class TokenVerifier {

    private final TokenCodec codec;
    private final Clock clock;
    private final Duration leeway;

    public TokenVerifier(TokenCodec codec, Clock clock, Duration leeway) {
        this.codec = codec;
        this.clock = clock;
        this.leeway = leeway;
    }

    /** Verifies a token of either type. */
    public Claims verify(String token) {
        Claims claims = codec.decode(token);
        claims.requireValidAt(clock.instant(), leeway);
        return claims;
    }

    public Claims verify(String token, TokenType expected) {
        Claims claims = verify(token);
        claims.requireType(expected);
        return claims;
    }
}
