package io.jwtauth.application;

import static io.jwtauth.application.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenRejected.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifyAndBlacklistTest {

    private final Fixture fixture = new Fixture();

    @Test
    void verifyAcceptsLiveTokensOfBothTypes() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        assertThatCode(() -> fixture.verify.handle(new VerifyToken.Command(pair.access()))).doesNotThrowAnyException();
        assertThatCode(() -> fixture.verify.handle(new VerifyToken.Command(pair.refresh()))).doesNotThrowAnyException();
    }

    @Test
    void verifyRefusesExpiredForgedAndBlacklistedTokens() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");
        assertRejected(() -> fixture.verify.handle(new VerifyToken.Command("forged")), Reason.INVALID);

        fixture.blacklist.handle(new BlacklistRefreshToken.Command(pair.refresh()));
        assertRejected(() -> fixture.verify.handle(new VerifyToken.Command(pair.refresh())), Reason.BLACKLISTED);

        fixture.clock.advance(Duration.ofMinutes(5));
        assertRejected(() -> fixture.verify.handle(new VerifyToken.Command(pair.access())), Reason.EXPIRED);
    }

    @Test
    void blacklistingTwiceOrAnAccessTokenIsRefused() {
        fixture.user("myuser", "mypassword");
        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        fixture.blacklist.handle(new BlacklistRefreshToken.Command(pair.refresh()));

        assertRejected(() -> fixture.blacklist.handle(new BlacklistRefreshToken.Command(pair.refresh())), Reason.BLACKLISTED);
        assertRejected(() -> fixture.blacklist.handle(new BlacklistRefreshToken.Command(pair.access())), Reason.WRONG_TYPE);
    }

    @Test
    void blacklistingOneSessionLeavesTheOthers() {
        fixture.user("myuser", "mypassword");
        TokenPair phone = fixture.loginAs("myuser", "mypassword");
        TokenPair laptop = fixture.loginAs("myuser", "mypassword");

        fixture.blacklist.handle(new BlacklistRefreshToken.Command(phone.refresh()));

        assertThatCode(() -> fixture.refresh.handle(new RefreshAccessToken.Command(laptop.refresh()))).doesNotThrowAnyException();
    }
}
