package io.jwtauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.UnknownUser;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.UsernameTaken;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {

    private final Fixture fixture = new Fixture();

    @Test
    void createsActiveUsersWithHashedPasswords() {
        User user = fixture.user("myuser", "mypassword");
        assertThat(user.active()).isTrue();
        assertThat(user.passwordHash().encoded()).isNotEqualTo("mypassword");
    }

    @Test
    void refusesATakenName() {
        fixture.user("myuser", "mypassword");
        assertThatThrownBy(() -> fixture.user("myuser", "other")).isInstanceOf(UsernameTaken.class);
    }

    @Test
    void refusesToChangeAnUnknownUser() {
        Username nobody = new Username("nobody");
        assertThatThrownBy(() -> fixture.setPassword.handle(new SetPassword.Command(nobody, new PlainPassword("x"))))
                .isInstanceOf(UnknownUser.class);
        assertThatThrownBy(() -> fixture.setUserActive.handle(new SetUserActive.Command(nobody, true)))
                .isInstanceOf(UnknownUser.class);
    }

    @Test
    void deactivatedUsersCanBeActivatedAgain() {
        User user = fixture.user("myuser", "mypassword");
        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), false));
        assertThat(fixture.users.findById(user.id()).orElseThrow().active()).isFalse();
        fixture.setUserActive.handle(new SetUserActive.Command(user.username(), true));
        assertThat(fixture.loginAs("myuser", "mypassword")).isNotNull();
    }
}
