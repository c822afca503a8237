package io.jwtauth.application;

import io.jwtauth.domain.LoginThrottled;
import io.jwtauth.domain.PlainPassword;
import io.jwtauth.domain.ThrottleKey;
import io.jwtauth.domain.User;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.WrongPassword;
import io.jwtauth.domain.port.PasswordHasher;
import io.jwtauth.domain.port.RefreshTokenRevocation;
import io.jwtauth.domain.port.SecurityEvents;
import io.jwtauth.domain.port.UserAdministration;
import io.jwtauth.domain.port.UsersByName;
import io.jwtauth.domain.service.LoginThrottle;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in user changes their password, proving they know the old one. Every token issued before the change
 * stops working: refresh tokens are revoked at once, access tokens fail the owner check. A wrong old password counts
 * against the account exactly as a failed login does, so a stolen access token cannot be used to guess the password
 * faster than the login throttle allows.
 */
public final class ChangePassword {

    public record Command(Username username, PlainPassword oldPassword, PlainPassword newPassword) {
        public Command {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(oldPassword, "oldPassword");
            Objects.requireNonNull(newPassword, "newPassword");
        }
    }

    private final UsersByName users;
    private final UserAdministration administration;
    private final RefreshTokenRevocation revocation;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final Clock clock;

    public ChangePassword(UsersByName users, UserAdministration administration, RefreshTokenRevocation revocation,
                          PasswordHasher hasher, LoginThrottle throttle, SecurityEvents events, Clock clock) {
        this.users = users;
        this.administration = administration;
        this.revocation = revocation;
        this.hasher = hasher;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws LoginThrottled if the account has failed too often lately
     * @throws WrongPassword if the old password is not the user's
     */
    public void handle(Command command) {
        Optional<ThrottleKey> account = Optional.of(ThrottleKey.account(command.username()));
        Instant now = clock.instant();
        // Read by name, which bypasses the cache of users by id: the old password is checked against the hash the
        // database holds now, not one another node may have replaced seconds ago. Read before the throttle check so
        // that a refusal can be reported with the user's id; the throttle spares the password hash, not this read.
        User user = users.findByUsername(command.username()).filter(User::active).orElseThrow(WrongPassword::new);
        try {
            throttle.requireOpen(account, Optional.empty(), now);
        } catch (LoginThrottled refusal) {
            events.passwordChangeThrottled(user.id(), refusal);
            throw refusal;
        }
        if (!hasher.matches(command.oldPassword(), user.passwordHash())) {
            throttle.countFailure(account, Optional.empty(), now);
            events.passwordChangeFailed(user.id());
            throw new WrongPassword();
        }
        throttle.clear(account.get());
        administration.changePassword(user.id(), hasher.hash(command.newPassword()), now);
        revocation.revokeAllOf(user.id(), now);
        events.passwordChanged(user.id());
    }
}
