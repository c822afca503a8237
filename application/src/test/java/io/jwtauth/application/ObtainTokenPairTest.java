package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.CapacityExceeded;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.TokenPair;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.fake.CountingPasswordHasher;
import io.jwtauth.domain.port.PasswordHasher;
import org.junit.jupiter.api.Test;

class ObtainTokenPairTest {

    private final Fixture fixture = new Fixture();

    @Test
    void issuesARefreshAndAnAccessTokenForTheUser() {
        User user = fixture.user("myuser", "mypassword");

        TokenPair pair = fixture.loginAs("myuser", "mypassword");

        Claims access = fixture.codec.claimsOf(pair.access());
        Claims refresh = fixture.codec.claimsOf(pair.refresh());
        assertThat(access.type()).isEqualTo(TokenType.ACCESS);
        assertThat(access.userId()).isEqualTo(user.id());
        assertThat(access.expiresAt()).isEqualTo(fixture.clock.instant().plus(Fixture.ACCESS_LIFETIME));
        assertThat(refresh.type()).isEqualTo(TokenType.REFRESH);
        assertThat(refresh.expiresAt()).isEqualTo(fixture.clock.instant().plus(Fixture.REFRESH_LIFETIME));
        assertThat(fixture.refreshTokens.stateOf(refresh.id())).contains(RefreshTokenState.ACTIVE);
    }

    @Test
    void eachLoginStartsItsOwnFamily() {
        fixture.user("myuser", "mypassword");
        Claims first = fixture.codec.claimsOf(fixture.loginAs("myuser", "mypassword").refresh());
        Claims second = fixture.codec.claimsOf(fixture.loginAs("myuser", "mypassword").refresh());
        assertThat(first.family()).isNotEqualTo(second.family());
    }

    @Test
    void normalizesTheUsernameAsAtCreation() {
        fixture.user("myuser", "mypassword");
        assertThat(fixture.loginAs("ｍｙｕｓｅｒ", "mypassword")).isNotNull();
    }

    @Test
    void wrongPasswordUnknownUserInactiveUserAndImpossibleNameFailAlikeWithOneCheckEach() {
        User inactive = fixture.user("sleeper", "mypassword");
        fixture.setUserActive.handle(new SetUserActive.Command(inactive.username(), false));
        fixture.user("myuser", "mypassword");

        assertOneCheckThenInvalidCredentials("myuser", "wrong");
        assertOneCheckThenInvalidCredentials("nobody", "mypassword");
        assertOneCheckThenInvalidCredentials("sleeper", "mypassword");
        assertOneCheckThenInvalidCredentials("not a valid name;", "mypassword");
        assertThat(fixture.refreshTokens.size()).isZero();
    }

    @Test
    void aSuccessfulLoginChecksThePasswordOnce() {
        fixture.user("myuser", "mypassword");
        int before = fixture.hasher.checks();
        fixture.loginAs("myuser", "mypassword");
        assertThat(fixture.hasher.checks() - before).isEqualTo(1);
    }

    @Test
    void aPasswordSetByTheOperatorReplacesTheOldOne() {
        fixture.user("myuser", "mypassword");
        fixture.setPassword.handle(new SetPassword.Command(new Username("myuser"), new PlainPassword("n3w")));
        assertThat(fixture.loginAs("myuser", "n3w")).isNotNull();
        assertThatThrownBy(() -> fixture.loginAs("myuser", "mypassword")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void aHashOfAnOlderSchemeIsReplacedAtTheFirstSuccessfulLoginAndOnlyThen() {
        User user = fixture.users.add(new Username("djangouser"), CountingPasswordHasher.legacyHashOf("old-secret"), true, fixture.clock.instant());

        assertOneCheckThenInvalidCredentials("djangouser", "wrong");
        assertThat(storedHash(user)).isEqualTo(CountingPasswordHasher.legacyHashOf("old-secret"));

        int hashesBefore = fixture.hasher.hashes();
        int checksBefore = fixture.hasher.checks();
        assertThat(fixture.loginAs("djangouser", "old-secret")).isNotNull();
        assertThat(fixture.hasher.checks() - checksBefore).isEqualTo(1);
        assertThat(fixture.hasher.hashes() - hashesBefore).isEqualTo(1);
        assertThat(storedHash(user).encoded()).startsWith(CountingPasswordHasher.CURRENT);

        int hashesAfterUpgrade = fixture.hasher.hashes();
        assertThat(fixture.loginAs("djangouser", "old-secret")).isNotNull();
        assertThat(fixture.hasher.hashes()).as("a current hash is left alone").isEqualTo(hashesAfterUpgrade);
    }

    @Test
    void anUpgradeNeverUndoesAPasswordSetMeanwhile() {
        User user = fixture.users.add(new Username("djangouser"), CountingPasswordHasher.legacyHashOf("old-secret"), true, fixture.clock.instant());
        PasswordHash setByOperator = fixture.hasher.hash(new PlainPassword("operators-choice"));
        fixture.users.changePassword(user.id(), setByOperator, fixture.clock.instant());

        assertThat(fixture.users.replacePasswordHash(user.id(), CountingPasswordHasher.legacyHashOf("old-secret"),
                fixture.hasher.hash(new PlainPassword("old-secret")))).isFalse();
        assertThat(storedHash(user)).isEqualTo(setByOperator);
    }

    @Test
    void aLoginWhoseUpgradeFindsHashingAtCapacityStillSucceedsAndUpgradesLater() {
        BusyForNewHashes hasher = new BusyForNewHashes(fixture.hasher);
        ObtainTokenPair login = new ObtainTokenPair(fixture.users, fixture.refreshTokens, hasher, fixture.issuer,
                fixture.codec, fixture.loginFailures, fixture.throttle, fixture.events, fixture.clock);
        User user = fixture.users.add(new Username("djangouser"), CountingPasswordHasher.legacyHashOf("old-secret"), true, fixture.clock.instant());
        hasher.busy = true;

        assertThat(login.handle(new ObtainTokenPair.Command("djangouser", new PlainPassword("old-secret"), Fixture.CLIENT)))
                .isNotNull();
        assertThat(storedHash(user)).isEqualTo(CountingPasswordHasher.legacyHashOf("old-secret"));

        hasher.busy = false;
        login.handle(new ObtainTokenPair.Command("djangouser", new PlainPassword("old-secret"), Fixture.CLIENT));
        assertThat(storedHash(user).encoded()).startsWith(CountingPasswordHasher.CURRENT);
    }

    /** The counting hasher, except that new hashes fail as a full hashing pool fails while {@link #busy}. */
    private static final class BusyForNewHashes implements PasswordHasher {
        private final CountingPasswordHasher hasher;
        private boolean busy;

        BusyForNewHashes(CountingPasswordHasher hasher) {
            this.hasher = hasher;
        }

        @Override
        public PasswordHash hash(PlainPassword password) {
            if (busy) {
                throw new CapacityExceeded("busy");
            }
            return hasher.hash(password);
        }

        @Override
        public boolean matches(PlainPassword password, PasswordHash hash) {
            return hasher.matches(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return hasher.needsRehash(hash);
        }

        @Override
        public boolean recognizes(PasswordHash hash) {
            return hasher.recognizes(hash);
        }
    }

    @Test
    void anUnusablePasswordNeverMatches() {
        fixture.users.add(new Username("nopass"), new PasswordHash("!unusable"), true, fixture.clock.instant());
        assertOneCheckThenInvalidCredentials("nopass", "!unusable");
        assertOneCheckThenInvalidCredentials("nopass", "unusable");
    }

    private PasswordHash storedHash(User user) {
        return fixture.users.findById(user.id()).orElseThrow().passwordHash();
    }

    private void assertOneCheckThenInvalidCredentials(String username, String password) {
        int before = fixture.hasher.checks();
        assertThatThrownBy(() -> fixture.loginAs(username, password)).isInstanceOf(InvalidCredentials.class);
        assertThat(fixture.hasher.checks() - before).as("password checks for %s", username).isEqualTo(1);
    }

    @Test
    void anAccountWithAnUnusablePasswordFailsLikeAnUnknownOneWithOneCheck() {
        fixture.users.add(new Username("social"), new PasswordHash("!unusable-marker"), true, fixture.clock.instant());

        assertOneCheckThenInvalidCredentials("social", "anything");
        // Not even the decoy's own password gets in through the decoy.
        assertOneCheckThenInvalidCredentials("social", "decoy for accounts that cannot log in");
    }
}
