package io.jwtauth.adapter.rest;

import io.jwtauth.domain.ClientAddress;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Where a request came from, for counting failed logins per client. By default the TCP peer: any client can write an
 * {@code X-Forwarded-For} header, so trusting it would let an attacker pick a fresh address for every guess. Behind
 * {@code trusted-proxies} reverse proxies that each append the address they saw, the client is the entry that many
 * places from the right; a header that is missing, too short or not made of IP addresses falls back to the peer.
 */
@Singleton
final class ClientAddresses {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final int trustedProxies;

    ClientAddresses(@Value("${auth.login-throttle.trusted-proxies:0}") int trustedProxies) {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("auth.login-throttle.trusted-proxies must not be negative");
        }
        this.trustedProxies = trustedProxies;
    }

    ClientAddress of(HttpRequest<?> request) {
        return forwardedFor(request).orElseGet(() -> peer(request));
    }

    private Optional<ClientAddress> forwardedFor(HttpRequest<?> request) {
        if (trustedProxies == 0) {
            return Optional.empty();
        }
        List<String> hops = request.getHeaders().getAll(X_FORWARDED_FOR).stream()
                .flatMap(header -> List.of(header.split(",")).stream())
                .map(String::strip)
                .toList();
        if (hops.size() < trustedProxies) {
            return Optional.empty();
        }
        String client = hops.get(hops.size() - trustedProxies);
        return NetUtil.isValidIpV4Address(client) || NetUtil.isValidIpV6Address(client)
                ? Optional.of(new ClientAddress(client))
                : Optional.empty();
    }

    private static ClientAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return new ClientAddress(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
