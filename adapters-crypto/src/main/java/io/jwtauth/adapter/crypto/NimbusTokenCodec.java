package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.Payload;
import io.jwtauth.domain.Claims;
import io.jwtauth.domain.TokenRejected;
import io.jwtauth.domain.port.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens as simplejwt writes them ({@link SimpleJwtClaims}), signed as JWS in compact form with the configured keys.
 * Reading runs the parts in turn, as micronaut-security cuts them: {@link JsonWebTokenParser} reads the token without
 * trusting it, {@link JwsKey} checks the signature with our keys alone (with a key pair, the one the header's
 * {@code kid} names), and only then is the claims set read, checked by one {@link JwtClaimsValidator} per claim that
 * must match configuration ({@code iss}, {@code aud}, {@code sub} against {@code user_id}), and typed.
 *
 * <p>Reading is deliberately stricter than a general JWT library: the token must look exactly like one this service
 * (or simplejwt with the same key) could have made, or it is refused as {@link TokenRejected.Reason#INVALID}. Only
 * the configured algorithm is accepted, and the signature is checked before any claim is looked at.
 */
public final class NimbusTokenCodec implements TokenCodec {

    private final JwsKey key;
    private final JsonWebTokenParser parser;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final JwtClaimsValidator[] validators;

    /**
     * @param keys the configured algorithm's keys: they sign, and they alone verify
     * @throws IllegalArgumentException if the issuer or audience is blank
     */
    public NimbusTokenCodec(SigningKeys keys, Optional<String> issuer, Optional<String> audience) {
        this.key = Objects.requireNonNull(keys, "keys").key();
        this.issuer = requireNonBlank(issuer, "issuer");
        this.audience = requireNonBlank(audience, "audience");
        this.parser = new JsonWebTokenParser(key.header());
        List<JwtClaimsValidator> chain = new ArrayList<>();
        issuer.ifPresent(value -> chain.add(new IssuerJwtClaimsValidator(value)));
        audience.ifPresent(value -> chain.add(new AudienceJwtClaimsValidator(value)));
        chain.add(new SubjectJwtClaimsValidator());
        this.validators = chain.toArray(JwtClaimsValidator[]::new);
    }

    private static Optional<String> requireNonBlank(Optional<String> value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isPresent() && value.get().isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank when it is set");
        }
        return value;
    }

    @Override
    public String encode(Claims claims) {
        Payload payload = new Payload(SimpleJwtClaims.write(claims, issuer, audience));
        String signingInput = key.header().toBase64URL() + "." + payload.toBase64URL();
        try {
            return signingInput + "." + key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
    }

    @Override
    public Claims decode(String token) {
        try {
            JsonWebTokenParser.Jws jws = parser.parse(token);
            if (!key.verify(jws.header(), jws.signingInput(), jws.signature())) {
                throw invalid();
            }
            Map<String, Object> claims = JsonWebTokenParser.claimsSet(jws);
            for (JwtClaimsValidator validator : validators) {
                if (!validator.validate(claims)) {
                    throw invalid();
                }
            }
            return SimpleJwtClaims.read(claims);
        } catch (TokenRejected e) {
            throw e;
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Whatever the cause, even a surprise inside a parser, a token we cannot read is not one of ours.
            throw invalid();
        }
    }

    private static TokenRejected invalid() {
        return new TokenRejected(TokenRejected.Reason.INVALID);
    }
}
