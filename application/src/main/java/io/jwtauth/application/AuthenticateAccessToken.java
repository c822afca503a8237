package io.jwtauth.application;

import io.jwtauth.domain.AccessTokenOwner;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenType;
import io.jwtauth.domain.User;
import io.jwtauth.domain.UserId;
import io.jwtauth.domain.Username;
import io.jwtauth.domain.port.UsersById;
import io.jwtauth.domain.service.TokenVerifier;
import java.util.Objects;

/**
 * Turns the bearer token of a protected request into the user it speaks for, or refuses it, as simplejwt's
 * {@code JWTAuthentication} does: first the token itself (signature, validity window, type), then its owner (exists,
 * is active, has not changed credentials since the token was issued).
 *
 * <p>The two steps are separate calls because they cost different things: {@link #verify} is computation only, while
 * {@link #authenticate} reads the user store, which may answer from a short-lived cache or wait on a database. A
 * caller that must not wait can verify at once and choose where to look the owner up. A {@link VerifiedAccessToken}
 * can only come from {@link #verify}, so no owner is ever checked for an unverified token, and no token is verified
 * twice.
 */
public final class AuthenticateAccessToken {

    public record Command(String accessToken) {
        public Command {
            Objects.requireNonNull(accessToken, "accessToken");
        }
    }

    /** The user a protected request acts as. */
    public record AuthenticatedUser(UserId id, Username username) {
    }

    /** An access token whose signature, validity window and type passed; its owner is still to be checked. */
    public static final class VerifiedAccessToken {

        private final Claims claims;

        private VerifiedAccessToken(Claims claims) {
            this.claims = claims;
        }

        public UserId ownerId() {
            return claims.userId();
        }
    }

    private final TokenVerifier verifier;
    private final UsersById users;

    public AuthenticateAccessToken(TokenVerifier verifier, UsersById users) {
        this.verifier = verifier;
        this.users = users;
    }

    /** @throws io.jwtauth.domain.TokenRejected if the token is malformed, forged, expired or not an access token */
    public VerifiedAccessToken verify(Command command) {
        return new VerifiedAccessToken(verifier.verify(command.accessToken(), TokenType.ACCESS));
    }

    /**
     * @throws io.jwtauth.domain.AccountRejected if the owner is gone, inactive or changed credentials after issue
     * @throws io.jwtauth.domain.StoreUnavailable if the owner had to be read from a store that cannot be reached
     */
    public AuthenticatedUser authenticate(VerifiedAccessToken token) {
        User user = AccessTokenOwner.require(users.findById(token.ownerId()), token.claims);
        return new AuthenticatedUser(user.id(), user.username());
    }
}
