package io.jwtauth.adapter.crypto;

import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.TokenId;
import io.jwtauth.domain.port.RandomIds;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Token and family ids of 128 random bits from the operating system's CSPRNG, as 32 lowercase hex digits
 * like simplejwt's {@code uuid4().hex}: too many to guess, and safe in URLs, logs and database keys.
 */
public final class SecureRandomIds implements RandomIds {

    private static final int BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    @Override
    public TokenId newTokenId() {
        return new TokenId(next());
    }

    @Override
    public FamilyId newFamilyId() {
        return new FamilyId(next());
    }

    private String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
