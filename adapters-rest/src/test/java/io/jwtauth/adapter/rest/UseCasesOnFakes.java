package io.jwtauth.adapter.rest;

import io.jwtauth.application.AuthenticateAccessToken;
import io.jwtauth.application.BlacklistRefreshToken;
import io.jwtauth.application.ChangePassword;
import io.jwtauth.application.Fixture;
import io.jwtauth.application.ObtainTokenPair;
import io.jwtauth.application.PublishVerificationKeys;
import io.jwtauth.application.RefreshAccessToken;
import io.jwtauth.application.RevokeAllRefreshTokens;
import io.jwtauth.application.VerifyToken;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Serves the REST adapter the real use cases over in-memory fakes of the ports. */
@Factory
class UseCasesOnFakes {

    @Singleton
    Fixture fixture() {
        return new Fixture();
    }

    @Singleton
    ObtainTokenPair obtainTokenPair(Fixture fixture) {
        return fixture.login;
    }

    @Singleton
    RefreshAccessToken refreshAccessToken(Fixture fixture) {
        return fixture.refresh;
    }

    @Singleton
    VerifyToken verifyToken(Fixture fixture) {
        return fixture.verify;
    }

    @Singleton
    BlacklistRefreshToken blacklistRefreshToken(Fixture fixture) {
        return fixture.blacklist;
    }

    @Singleton
    AuthenticateAccessToken authenticateAccessToken(Fixture fixture) {
        return fixture.authenticate;
    }

    @Singleton
    RevokeAllRefreshTokens revokeAllRefreshTokens(Fixture fixture) {
        return fixture.revokeAll;
    }

    @Singleton
    ChangePassword changePassword(Fixture fixture) {
        return fixture.changePassword;
    }

    @Singleton
    PublishVerificationKeys publishVerificationKeys(Fixture fixture) {
        return fixture.publishVerificationKeys;
    }

    @Singleton
    SwitchableUserCache userCache() {
        return new SwitchableUserCache();
    }
}
