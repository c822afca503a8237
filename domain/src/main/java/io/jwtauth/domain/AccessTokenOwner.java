package io.jwtauth.domain;

import java.util.Optional;

/**
 * The rules an access token's owner must meet, in the order of simplejwt's {@code JWTAuthentication.get_user}:
 * the user exists, is active, and has not changed credentials since the token was issued.
 */
public final class AccessTokenOwner {

    private AccessTokenOwner() {
    }

    public static User require(Optional<User> owner, Claims access) {
        User user = owner.orElseThrow(() -> new AccountRejected(AccountRejected.Reason.USER_NOT_FOUND));
        if (!user.active()) {
            throw new AccountRejected(AccountRejected.Reason.USER_INACTIVE);
        }
        if (user.issuedBeforeCredentialsChanged(access.issuedAt())) {
            throw new AccountRejected(AccountRejected.Reason.PASSWORD_CHANGED);
        }
        return user;
    }
}
