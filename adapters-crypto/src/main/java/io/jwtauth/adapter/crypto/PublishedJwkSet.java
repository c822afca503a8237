package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.jwtauth.domain.JwkSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JWK Set (RFC 7517, section 5) that {@code /.well-known/jwks.json} serves: the public keys of the {@link KeyRing},
 * each naming its {@code kty}, {@code use: "sig"}, {@code alg} and {@code kid} first, then its numbers.
 *
 * <p>Besides Nimbus' own {@link JWKSet#toPublicJWKSet()}, every key is checked member by member, whatever produced it,
 * so that a mistake here can never publish a private key: no private member, the identifying members present, for
 * signatures only, and no kid twice.
 */
final class PublishedJwkSet {

    /** RSA's private exponent and CRT values, EC's private scalar, a symmetric key's bytes (RFC 7518, section 6). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** What the key is for first, then its numbers: the order of members in published keys. */
    private static final List<String> REQUIRED_MEMBERS = List.of("kty", "use", "alg", "kid");

    private PublishedJwkSet() {
    }

    /** The public half of {@code keys}, members in the order above. */
    static JwkSet of(JWKSet keys) {
        List<Map<String, String>> members = new ArrayList<>();
        for (JWK key : keys.toPublicJWKSet().getKeys()) {
            Map<String, Object> json = key.toJSONObject();
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String member : REQUIRED_MEMBERS) {
                ordered.put(member, (String) json.get(member));
            }
            json.forEach((member, value) -> ordered.putIfAbsent(member, (String) value));
            members.add(ordered);
        }
        return of(members);
    }

    /**
     * The keys as published, checked as above.
     *
     * @throws IllegalArgumentException if a key holds a private member (the message names the member, never its
     *                                  value), lacks one of kty, kid, use, alg, is not for signatures, or shares its kid
     *                                  with another key; or if there is no key
     */
    static JwkSet of(List<Map<String, String>> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a published key set holds at least one key");
        }
        Set<String> keyIds = new HashSet<>();
        for (Map<String, String> key : keys) {
            for (String member : REQUIRED_MEMBERS) {
                String value = key.get(member);
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("a published key needs its \"" + member + "\"");
                }
            }
            if (!"sig".equals(key.get("use"))) {
                throw new IllegalArgumentException("a published key is for signatures only (\"use\": \"sig\")");
            }
            for (String member : key.keySet()) {
                if (PRIVATE_MEMBERS.contains(member)) {
                    // Names the member, never its value.
                    throw new IllegalArgumentException("a published key must not hold the private member \"" + member + "\"");
                }
            }
            if (!keyIds.add(key.get("kid"))) {
                throw new IllegalArgumentException("two published keys share the kid \"" + key.get("kid") + "\"");
            }
        }
        return new JwkSet(keys);
    }
}
