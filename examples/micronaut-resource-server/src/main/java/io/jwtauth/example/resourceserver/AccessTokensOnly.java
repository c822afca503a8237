package io.jwtauth.example.resourceserver;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import java.util.List;

/**
 * Accepts only jwt-auth's access tokens ({@code "token_type": "access"}). Both of jwt-auth's token types are
 * signed with the same key, and micronaut-security-jwt checks no {@code token_type} of its own accord: without
 * this validator a refresh token, which lives a day rather than minutes, would open every protected route.
 *
 * <p>Created at start-up ({@link Context}), it also refuses to let the application start when no signature
 * configuration exists (a misspelt property, an unset variable): micronaut-security-jwt 4.15.1 then accepts
 * unsigned {@code "alg": "none"} tokens, so anyone could write their own (see {@code AbstractJsonWebTokenValidator}).
 *
 * @param <R> the request type, any: the check reads the claims only
 */
@Context
public class AccessTokensOnly<R> implements GenericJwtClaimsValidator<R> {

    /** simplejwt's TOKEN_TYPE_CLAIM, and the value it gives access tokens. */
    static final String TOKEN_TYPE_CLAIM = "token_type";
    static final String ACCESS = "access";

    /**
     * @throws IllegalStateException if there is no signature configuration, so the application does not start
     */
    public AccessTokensOnly(List<SignatureConfiguration> signatures,
                            List<ReactiveSignatureConfiguration<SignedJWT>> reactiveSignatures) {
        if (signatures.isEmpty() && reactiveSignatures.isEmpty()) {
            throw new IllegalStateException("No JWT signature configuration: set micronaut.security.token.jwt"
                    + ".signatures.jwks.jwt-auth.url (RS/PS/ES) or .signatures.secret.jwt-auth.secret (HS); without"
                    + " one, micronaut-security-jwt would accept unsigned tokens");
        }
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable R request) {
        return ACCESS.equals(claims.get(TOKEN_TYPE_CLAIM));
    }
}
