package io.jwtauth.application;

import io.jwtauth.application.ActiveRefreshTokens.Introspection;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.FamilyId;
import io.jwtauth.domain.IssuedRefreshToken;
import io.jwtauth.domain.NoActiveAccountForToken;
import io.jwtauth.domain.RefreshTokenState;
import io.jwtauth.domain.StoredRefreshToken;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.TokenSettings;
import io.jwtauth.domain.User;
import io.jwtauth.domain.port.RefreshTokenFamilies;
import io.jwtauth.domain.port.RefreshTokenRecords;
import io.jwtauth.domain.port.SecurityEvents;
import io.jwtauth.domain.port.TokenCodec;
import io.jwtauth.domain.port.UsersById;
import io.jwtauth.domain.service.CredentialRaceGuard;
import io.jwtauth.domain.service.TokenIssuer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Exchanges an active refresh token for a new access token. With rotation, a new refresh token of the same family
 * comes too. With blacklisting after rotation, the presented token is retired in the same step, so that of several
 * concurrent exchanges of one token only the one that retires it succeeds. A token that was already exchanged and is
 * presented again means two parties hold copies of it, so its whole family is revoked (RFC 9700 §4.14.2): the
 * thief's successor and the victim's alike, until the user logs in again.
 */
public final class RefreshAccessToken {

    public record Command(String refreshToken) {
        public Command {
            Objects.requireNonNull(refreshToken, "refreshToken");
        }
    }

    /** The new access token, and the new refresh token when rotation is on. */
    public record Result(String access, Optional<String> refresh) {
    }

    private final ActiveRefreshTokens refreshTokens;
    private final RefreshTokenRecords store;
    private final RefreshTokenFamilies families;
    private final UsersById users;
    private final CredentialRaceGuard credentialRaces;
    private final TokenIssuer issuer;
    private final TokenCodec codec;
    private final TokenSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    public RefreshAccessToken(ActiveRefreshTokens refreshTokens, RefreshTokenRecords store,
                              RefreshTokenFamilies families, UsersById users, CredentialRaceGuard credentialRaces,
                              TokenIssuer issuer, TokenCodec codec, TokenSettings settings, SecurityEvents events,
                              Clock clock) {
        this.refreshTokens = refreshTokens;
        this.store = store;
        this.families = families;
        this.users = users;
        this.credentialRaces = credentialRaces;
        this.issuer = issuer;
        this.codec = codec;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public Result handle(Command command) {
        Introspection presented = refreshTokens.introspect(command.refreshToken());
        RefreshTokenState state = presented.stored().state();
        if (state == RefreshTokenState.BLACKLISTED || state == RefreshTokenState.REVOKED) {
            // Deactivation revokes every refresh token, which simplejwt does not: there the owner check answers.
            if (state == RefreshTokenState.REVOKED && users.findById(presented.claims().userId()).filter(User::active).isEmpty()) {
                throw new NoActiveAccountForToken();
            }
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
        Instant now = clock.instant();
        Claims claims = presented.claims();
        User owner = users.findById(claims.userId()).filter(User::active).orElseThrow(NoActiveAccountForToken::new);
        if (owner.issuedBeforeCredentialsChanged(claims.issuedAt())) {
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
        if (!settings.rotateRefreshTokens()) {
            if (state == RefreshTokenState.ROTATED) {
                throw reuseDetected(presented, now);
            }
            events.refreshed(owner.id(), false);
            return new Result(accessFor(owner, now), Optional.empty());
        }
        if (state == RefreshTokenState.ROTATED) {
            Result retried = new Result(accessFor(owner, now), Optional.of(codec.encode(missedSuccessor(presented, now))));
            events.refreshed(owner.id(), true);
            return retried;
        }
        Claims successor = issuer.refresh(owner.id(), claims.requireFamily(), now);
        // Recorded before the rotation below, so that a family revocation by a concurrent reuse always covers it.
        store.record(IssuedRefreshToken.of(successor, Optional.of(claims.id())));
        if (settings.blacklistAfterRotation() && !families.rotate(claims.id(), successor.id(), now)) {
            throw reuseDetected(presented, now);
        }
        // As at login: a password change or deactivation that landed during this exchange revoked everything recorded
        // before it, but not the successor, so the successor goes here.
        if (!credentialRaces.keep(successor.id(), owner.username(),
                current -> !current.issuedBeforeCredentialsChanged(claims.issuedAt()), now)) {
            throw new TokenRejected(TokenRejected.Reason.BLACKLISTED);
        }
        Result rotated = new Result(accessFor(owner, now), Optional.of(codec.encode(successor)));
        events.refreshed(owner.id(), true);
        return rotated;
    }

    private String accessFor(User owner, Instant now) {
        return codec.encode(issuer.access(owner.id(), now));
    }

    /**
     * A token that was already exchanged (only blacklisting after rotation leaves one ROTATED) is reuse, except within
     * the grace period while its successor is still unused: then a client that never got the answer is retrying, and
     * it gets that same successor again (same {@code jti}, family and expiry, signed anew), so the retry is idempotent
     * and the family keeps exactly one live token. Whichever copy of the successor is used second is reuse as usual.
     * The successor is the one the rotation recorded, the winning exchange's: an exchange that lost the race to rotate
     * has recorded a successor too, which stays active until that loser has revoked the family, and must never be
     * handed out.
     */
    private Claims missedSuccessor(Introspection presented, Instant now) {
        Instant retiredAt = presented.stored().retiredAt().orElseThrow();
        if (now.isBefore(retiredAt.plus(settings.reuseGracePeriod()))) {
            Optional<IssuedRefreshToken> unused = families.activeSuccessorOf(presented.claims().id())
                    .flatMap(store::find)
                    .filter(successor -> successor.state() == RefreshTokenState.ACTIVE)
                    .map(StoredRefreshToken::token);
            if (unused.isPresent()) {
                return issuer.refreshAgain(unused.get(), now);
            }
        }
        throw reuseDetected(presented, now);
    }

    private TokenRejected reuseDetected(Introspection presented, Instant now) {
        FamilyId family = presented.claims().requireFamily();
        int revoked = families.revokeFamily(family, now);
        events.refreshTokenReused(presented.claims().userId(), family, revoked);
        return new TokenRejected(TokenRejected.Reason.BLACKLISTED);
    }
}
