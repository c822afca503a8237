package io.jwtauth.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The public keys that verify this service's tokens, as a JWK Set (RFC 7517, section 5) ready to publish: the key
 * that signs now and the retired (or upcoming) ones that still verify, each a JSON object of string members. Which
 * members a key has, and that none of them is private, is the crypto adapter's knowledge and check; the domain only
 * carries the set, in order, unchangeable.
 */
public record JwkSet(List<Map<String, String>> keys) {

    public JwkSet {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a published key set holds at least one key");
        }
        List<Map<String, String>> copies = new ArrayList<>();
        for (Map<String, String> key : keys) {
            copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(key)));
        }
        keys = List.copyOf(copies);
    }
}
