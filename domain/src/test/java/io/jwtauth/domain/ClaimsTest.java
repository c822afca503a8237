package io.jwtauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(300);
    private static final TokenId ID = new TokenId("0123456789abcdef0123456789abcdef");
    private static final FamilyId FAMILY = new FamilyId("fedcba9876543210fedcba9876543210");

    private static Claims access(Optional<Instant> notBefore) {
        return new Claims(TokenType.ACCESS, ID, new UserId(1), ISSUED, EXPIRES, notBefore, Optional.empty());
    }

    @Test
    void isValidUntilTheSecondBeforeExpiry() {
        Claims claims = access(Optional.empty());
        assertThatCode(() -> claims.requireValidAt(EXPIRES.minusMillis(1), Duration.ZERO)).doesNotThrowAnyException();
        assertThatThrownBy(() -> claims.requireValidAt(EXPIRES, Duration.ZERO))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.EXPIRED));
    }

    @Test
    void leewayExtendsExpiry() {
        Claims claims = access(Optional.empty());
        assertThatCode(() -> claims.requireValidAt(EXPIRES.plusSeconds(9), Duration.ofSeconds(10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> claims.requireValidAt(EXPIRES.plusSeconds(10), Duration.ofSeconds(10)))
                .isInstanceOf(TokenRejected.class);
    }

    @Test
    void honoursNotBefore() {
        Claims claims = access(Optional.of(ISSUED.plusSeconds(60)));
        assertThatThrownBy(() -> claims.requireValidAt(ISSUED, Duration.ZERO))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
        assertThatCode(() -> claims.requireValidAt(ISSUED.plusSeconds(60), Duration.ZERO)).doesNotThrowAnyException();
    }

    @Test
    void refusesTheWrongType() {
        assertThatThrownBy(() -> access(Optional.empty()).requireType(TokenType.REFRESH))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.WRONG_TYPE));
    }

    @Test
    void refreshTokensAndOnlyRefreshTokensHaveAFamily() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Claims(TokenType.REFRESH, ID, new UserId(1), ISSUED, EXPIRES, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Claims(TokenType.ACCESS, ID, new UserId(1), ISSUED, EXPIRES, Optional.empty(), Optional.of(FAMILY)));
    }

    @Test
    void keepsWholeSecondsAsJwtDoes() {
        Claims claims = new Claims(TokenType.ACCESS, ID, new UserId(1), ISSUED.plusMillis(999), EXPIRES.plusMillis(1),
                Optional.empty(), Optional.empty());
        assertThat(claims.issuedAt()).isEqualTo(ISSUED);
        assertThat(claims.expiresAt()).isEqualTo(EXPIRES);
    }

    @Test
    void idsHaveTheShapeOfRandomIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenId("short"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenId("has spaces in it 123456"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenId("x".repeat(65)));
    }
}
