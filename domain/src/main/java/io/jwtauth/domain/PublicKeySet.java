package io.jwtauth.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The public keys that verify this service's tokens, as JSON Web Keys (RFC 7517) ready to publish: the key that
 * signs now and the retired (or upcoming) ones that still verify. Each key names its {@code kty}, its {@code kid}
 * (which tokens carry in their header), {@code use: "sig"} and its {@code alg}.
 *
 * <p>The set refuses every member that holds private key material, whatever produced it, so that a mistake in an
 * adapter can never publish a private key.
 */
public record PublicKeySet(List<Map<String, String>> keys) {

    /** RSA's private exponent and CRT values, EC's private scalar, a symmetric key's bytes (RFC 7518, section 6). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final List<String> REQUIRED_MEMBERS = List.of("kty", "kid", "use", "alg");

    public PublicKeySet {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a published key set holds at least one key");
        }
        List<Map<String, String>> copies = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (Map<String, String> key : keys) {
            Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(key));
            for (String member : REQUIRED_MEMBERS) {
                String value = copy.get(member);
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("a published key needs its \"" + member + "\"");
                }
            }
            if (!"sig".equals(copy.get("use"))) {
                throw new IllegalArgumentException("a published key is for signatures only (\"use\": \"sig\")");
            }
            for (String member : copy.keySet()) {
                if (PRIVATE_MEMBERS.contains(member)) {
                    // Names the member, never its value.
                    throw new IllegalArgumentException("a published key must not hold the private member \"" + member + "\"");
                }
            }
            if (!keyIds.add(copy.get("kid"))) {
                throw new IllegalArgumentException("two published keys share the kid \"" + copy.get("kid") + "\"");
            }
            copies.add(copy);
        }
        keys = List.copyOf(copies);
    }
}
