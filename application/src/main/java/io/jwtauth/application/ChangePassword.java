package io.jwtauth.application;

import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.WrongPassword;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RefreshTokenStore;
import io.jwtauth.domain.port.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user changes their password, proving they know the old one. Every token issued before the change
 * stops working: refresh tokens are revoked at once, access tokens fail the owner check.
 */
public final class ChangePassword {

    public record Command(UserId user, PlainPassword oldPassword, PlainPassword newPassword) {
        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(oldPassword, "oldPassword");
            Objects.requireNonNull(newPassword, "newPassword");
        }
    }

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final Clock clock;

    public ChangePassword(UserStore users, RefreshTokenStore refreshTokens, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @throws WrongPassword if the old password is not the user's */
    public void handle(Command command) {
        User user = users.findById(command.user()).orElseThrow(WrongPassword::new);
        if (!hasher.matches(command.oldPassword(), user.passwordHash())) {
            throw new WrongPassword();
        }
        Instant now = clock.instant();
        users.changePassword(user.id(), hasher.hash(command.newPassword()), now);
        refreshTokens.revokeAllOf(user.id(), now);
    }
}
