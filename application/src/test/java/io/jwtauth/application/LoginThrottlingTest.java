package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.ClientAddress;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.Username;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Failed logins counted per submitted name and per address, with the service's default policy (10, 100, 1 s … 15 min). */
class LoginThrottlingTest {

    private final Fixture fixture = new Fixture();

    @Test
    void afterTenFailuresTheAccountWaitsAndNoPasswordIsChecked() {
        fixture.user("victim", "right");
        failTimes(10, "victim");

        int checks = fixture.hasher.checks();
        assertThrottledFor(() -> fixture.loginAs("victim", "right"), 1);
        assertThrottledFor(() -> fixture.loginAs("victim", "wrong"), 1);
        assertThat(fixture.hasher.checks()).as("a throttled attempt checks no password").isEqualTo(checks);
    }

    @Test
    void theDelayDoublesWithEachFailureUpToFifteenMinutes() {
        fixture.user("victim", "right");
        failTimes(10, "victim");
        for (long expected : new long[] {2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900}) {
            fixture.clock.advance(Duration.ofSeconds(900));
            fail("victim");
            assertThrottledFor(() -> fixture.loginAs("victim", "right"), expected);
        }
    }

    @Test
    void theRightPasswordWorksAfterTheWaitAndResetsTheAccount() {
        fixture.user("victim", "right");
        failTimes(10, "victim");
        fixture.clock.advance(Duration.ofSeconds(1));
        fail("victim");
        assertThrottledFor(() -> fixture.loginAs("victim", "right"), 2);

        fixture.clock.advance(Duration.ofSeconds(2));
        assertThat(fixture.loginAs("victim", "right")).isNotNull();
        assertThat(fixture.loginFailures.find(ThrottleKey.account(new Username("victim")))).isEmpty();
        failTimes(9, "victim");
        assertThat(fixture.loginAs("victim", "right")).as("the count started over").isNotNull();
    }

    @Test
    void unknownAndExistingAccountsAreThrottledAlike() {
        fixture.user("victim", "right");
        failTimes(10, "victim");
        failTimes(10, "nobody");

        assertThrottledFor(() -> fixture.loginAs("victim", "x"), 1);
        assertThrottledFor(() -> fixture.loginAs("nobody", "x"), 1);
    }

    @Test
    void spellingsOfOneNameShareOneCount() {
        fixture.user("victim", "right");
        failTimes(5, "victim");
        failTimes(5, "ｖｉｃｔｉｍ");
        assertThrottledFor(() -> fixture.loginAs("victim", "right"), 1);
    }

    @Test
    void anAddressIsThrottledAcrossNamesAndASuccessDoesNotClearIt() {
        ClientAddress attacker = new ClientAddress("198.51.100.7");
        fixture.user("attacker", "own-password");
        for (int i = 0; i < 100; i++) {
            int name = i;
            assertThatThrownBy(() -> fixture.loginFrom(attacker, "user" + name, "guess")).isInstanceOf(InvalidCredentials.class);
            if (i == 50) {
                fixture.loginFrom(attacker, "attacker", "own-password");
            }
        }
        int checks = fixture.hasher.checks();
        assertThrottledFor(() -> fixture.loginFrom(attacker, "someone-else", "guess"), 1);
        assertThrottledFor(() -> fixture.loginFrom(attacker, "not a valid name;", "guess"), 1);
        assertThat(fixture.hasher.checks()).isEqualTo(checks);
        assertThatThrownBy(() -> fixture.loginAs("someone-else", "guess")).as("other addresses go on")
                .isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void namesThatCannotBeUsernamesCountPerAddressOnly() {
        ClientAddress client = new ClientAddress("198.51.100.8");
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> fixture.loginFrom(client, "not a valid name;", "guess")).isInstanceOf(InvalidCredentials.class);
        }
        assertThat(fixture.loginFailures.find(ThrottleKey.address(client))).get().extracting(t -> t.count()).isEqualTo(20);
    }

    @Test
    void failuresAreForgottenAfterADay() {
        fixture.user("victim", "right");
        failTimes(10, "victim");
        fixture.clock.advance(Duration.ofDays(1).plusSeconds(1));
        failTimes(9, "victim");
        assertThat(fixture.loginAs("victim", "right")).isNotNull();
    }

    private void failTimes(int times, String name) {
        for (int i = 0; i < times; i++) {
            fail(name);
        }
    }

    private void fail(String name) {
        assertThatThrownBy(() -> fixture.loginAs(name, "wrong")).isInstanceOf(InvalidCredentials.class);
    }

    private static void assertThrottledFor(ThrowingCallable login, long seconds) {
        assertThatThrownBy(login).isInstanceOfSatisfying(LoginThrottled.class,
                throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(seconds));
    }
}
