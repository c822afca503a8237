package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.jwtauth.domain.JwkSet;
import io.jwtauth.domain.port.VerificationKeys;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys this service signs and verifies tokens with, made once from the configuration: a shared secret for
 * HS256/384/512, or a key pair for RS256/384/512, PS256 and ES256/384/512 plus the public keys that verify besides
 * it. A key pair's public keys are what {@code /.well-known/jwks.json} publishes; a shared secret publishes nothing.
 */
public final class SigningKeys implements VerificationKeys {

    private static final String SIGNING_KEY = "auth.signing-key";
    private static final String VERIFICATION_KEYS = "auth.verification-keys";

    private final JwsKey key;

    SigningKeys(JwsKey key) {
        this.key = key;
    }

    /**
     * Reads, or for the embedded default generates, the configured keys.
     *
     * @throws IllegalArgumentException if the configuration names an unsupported algorithm or unusable keys; the
     *                                  message never holds key material
     * @throws IllegalStateException    if a generated key cannot be stored or read back
     */
    public static SigningKeys load(KeySettings settings) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(settings.algorithm());
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            if (settings.keyId().isPresent() || settings.verificationKeys().isPresent()) {
                throw new IllegalArgumentException("auth.key-id and " + VERIFICATION_KEYS + " apply to key pairs (RS*, PS256,"
                        + " ES*) only: " + algorithm.getName() + " tokens carry no kid and a shared secret is never published");
            }
            String secret = settings.signingKey()
                    .orElseGet(() -> new GeneratedSecretFile(settings.dataFolder()).readOrCreate());
            return new SigningKeys(new HmacKey(algorithm, secret));
        }
        if (!KeyPairAlgorithms.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("unsupported signing algorithm " + settings.algorithm() + ": use HS256, HS384,"
                    + " HS512, RS256, RS384, RS512, PS256, ES256, ES384 or ES512");
        }
        JWK signingKey = settings.signingKey()
                .map(value -> PemKeys.readPrivate(KeyText.read(value, "-----BEGIN", SIGNING_KEY), SIGNING_KEY))
                .orElseGet(() -> new GeneratedKeyPairFile(settings.dataFolder(), algorithm).readOrCreate());
        List<JWK> verificationKeys = settings.verificationKeys()
                .map(value -> publicKeys(KeyText.read(value, "{", VERIFICATION_KEYS)))
                .orElse(List.of());
        return new SigningKeys(new KeyRing(algorithm, signingKey, settings.keyId(), verificationKeys));
    }

    /** A JWK Set, as {@code /.well-known/jwks.json} serves it, or a single JWK, as {@code keys generate} prints it. */
    private static List<JWK> publicKeys(String json) {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            return object.containsKey("keys") ? JWKSet.parse(object).getKeys() : List.of(JWK.parse(object));
        } catch (ParseException | RuntimeException e) {
            // The parser's words are not shown: they may quote the text, which could be a private key by mistake.
            throw new IllegalArgumentException(VERIFICATION_KEYS + " is not a JWK Set ({\"keys\": [...]}) or a single JWK");
        }
    }

    JwsKey key() {
        return key;
    }

    @Override
    public Optional<JwkSet> published() {
        return key.publicKeys();
    }
}
