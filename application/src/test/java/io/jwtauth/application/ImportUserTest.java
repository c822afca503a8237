package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.application.ImportUser.Outcome;
import io.jwtauth.domain.InvalidCredentials;
import io.jwtauth.domain.PasswordHash;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.fake.CountingPasswordHasher;
import org.junit.jupiter.api.Test;

class ImportUserTest {

    private final Fixture fixture = new Fixture();

    @Test
    void anImportedUserLogsInWithTheOldPasswordAndGetsACurrentHash() {
        assertThat(importUser("djangouser", CountingPasswordHasher.legacyHashOf("old-secret"), true)).isEqualTo(Outcome.CREATED);

        assertThat(fixture.loginAs("djangouser", "old-secret")).isNotNull();
        assertThat(stored("djangouser").passwordHash().encoded()).startsWith(CountingPasswordHasher.CURRENT);
    }

    @Test
    void keepsTheActiveFlag() {
        importUser("sleeper", CountingPasswordHasher.legacyHashOf("secret"), false);

        assertThat(stored("sleeper").active()).isFalse();
        assertThatThrownBy(() -> fixture.loginAs("sleeper", "secret")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void importingTwiceLeavesTheFirstUserAlone() {
        importUser("djangouser", CountingPasswordHasher.legacyHashOf("first"), true);

        assertThat(importUser("djangouser", CountingPasswordHasher.legacyHashOf("second"), false)).isEqualTo(Outcome.ALREADY_EXISTS);
        assertThat(stored("djangouser").passwordHash()).isEqualTo(CountingPasswordHasher.legacyHashOf("first"));
        assertThat(stored("djangouser").active()).isTrue();
    }

    @Test
    void refusesAHashNoLoginCouldBeCheckedAgainst() {
        assertThat(importUser("md5user", new PasswordHash("md5$salt$38bd3bcdc54cde6153efbbdfe72874c7"), true))
                .isEqualTo(Outcome.UNREADABLE_HASH);
        assertThat(fixture.users.findByUsername(new Username("md5user"))).isEmpty();
    }

    @Test
    void anUnusablePasswordIsImportedAndNeverMatches() {
        assertThat(importUser("nopass", new PasswordHash("!1ly6LzNyFyWLWvCwIMSg4bqtEHxLyz2yYTmLvBcx"), true))
                .isEqualTo(Outcome.CREATED);
        assertThatThrownBy(() -> fixture.loginAs("nopass", "!1ly6LzNyFyWLWvCwIMSg4bqtEHxLyz2yYTmLvBcx"))
                .isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void hashesNothing() {
        int hashes = fixture.hasher.hashes();
        int checks = fixture.hasher.checks();
        importUser("djangouser", CountingPasswordHasher.legacyHashOf("old-secret"), true);
        assertThat(fixture.hasher.hashes()).isEqualTo(hashes);
        assertThat(fixture.hasher.checks()).isEqualTo(checks);
    }

    private Outcome importUser(String name, PasswordHash hash, boolean active) {
        return fixture.importUser.handle(new ImportUser.Command(new Username(name), hash, active));
    }

    private User stored(String name) {
        return fixture.users.findByUsername(new Username(name)).orElseThrow();
    }
}
