package io.jwtauth.domain.fake;

import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.port.TokenCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out opaque serial tokens and remembers their claims: a codec whose "signature" is its memory. */
public final class FakeTokenCodec implements TokenCodec {

    private final Map<String, Claims> issued = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong();

    @Override
    public String encode(Claims claims) {
        String token = "fake-" + claims.type().claim() + "-" + serial.incrementAndGet();
        issued.put(token, claims);
        return token;
    }

    @Override
    public Claims decode(String token) {
        Claims claims = issued.get(token);
        if (claims == null) {
            throw new TokenRejected(TokenRejected.Reason.INVALID);
        }
        return claims;
    }

    public Claims claimsOf(String token) {
        return decode(token);
    }
}
