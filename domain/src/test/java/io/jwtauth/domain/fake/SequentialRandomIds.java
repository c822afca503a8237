package io.jwtauth.domain.fake;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.port.RandomIds;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids, so tests can name them. */
public final class SequentialRandomIds implements RandomIds {

    private final AtomicLong next = new AtomicLong();

    @Override
    public TokenId newTokenId() {
        return new TokenId(String.format("token-%010d", next.incrementAndGet()));
    }

    @Override
    public FamilyId newFamilyId() {
        return new FamilyId(String.format("family-%010d", next.incrementAndGet()));
    }
}
