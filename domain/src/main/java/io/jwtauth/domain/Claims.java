package io.jwtauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token says: its type, id, owner and validity window. Refresh tokens also name their family and,
 * after a rotation, the token they replaced. Times are whole seconds, as JWT's NumericDate carries them.
 * The owner is {@code userId} alone: on the wire it is written twice ({@code user_id} and {@code sub}), and the codec
 * refuses a token whose two spellings disagree, so there is no second owner to carry here.
 */
public record Claims(
        TokenType type,
        TokenId id,
        UserId userId,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> notBefore,
        Optional<FamilyId> family) {

    public Claims {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(family, "family");
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.SECONDS);
        if (type == TokenType.REFRESH && family.isEmpty()) {
            throw new IllegalArgumentException("a refresh token belongs to a family");
        }
        if (type == TokenType.ACCESS && family.isPresent()) {
            throw new IllegalArgumentException("an access token has no family");
        }
    }

    /**
     * Refuses the token if it is expired or not valid yet at {@code now}, allowing {@code leeway} for clock
     * skew. Like PyJWT, a token is expired from its {@code exp} second on.
     */
    public void requireValidAt(Instant now, Duration leeway) {
        if (!now.isBefore(expiresAt.plus(leeway))) {
            throw new TokenRejected(TokenRejected.Reason.EXPIRED);
        }
        if (notBefore.isPresent() && now.plus(leeway).isBefore(notBefore.get())) {
            throw new TokenRejected(TokenRejected.Reason.INVALID);
        }
    }

    public void requireType(TokenType expected) {
        if (type != expected) {
            throw new TokenRejected(TokenRejected.Reason.WRONG_TYPE);
        }
    }

    public FamilyId requireFamily() {
        return family.orElseThrow(() -> new TokenRejected(TokenRejected.Reason.WRONG_TYPE));
    }
}
