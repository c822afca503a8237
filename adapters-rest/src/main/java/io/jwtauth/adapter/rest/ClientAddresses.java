package io.jwtauth.adapter.rest;

import io.jwtauth.domain.ClientAddress;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
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

    ClientAddresses(@Value("${auth.login-throttle.trusted-proxies}") int trustedProxies) {
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
        // One list whether the proxies appended to one line or each added a line of its own (RFC 9110 §5.3), and
        // without empty elements, which a recipient must ignore (§5.6.1).
        List<String> hops = request.getHeaders().getAll(X_FORWARDED_FOR).stream()
                .flatMap(header -> List.of(header.split(",")).stream())
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        if (hops.size() < trustedProxies) {
            return Optional.empty();
        }
        return address(hops.get(hops.size() - trustedProxies));
    }

    /**
     * An IP address as proxies write it: bare ({@code 203.0.113.7}, {@code 2001:db8::1}), or with a port as some
     * cloud load balancers add ({@code 203.0.113.7:51234}, {@code [2001:db8::1]:51234}, {@code [2001:db8::1]}). It is
     * written the way the TCP peer's address is ({@link InetAddress#getHostAddress()}), so that one client has one
     * throttle count however a proxy spells its address.
     */
    private static Optional<ClientAddress> address(String hop) {
        String host = hop;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0 || !(end == host.length() - 1 || host.charAt(end + 1) == ':')) {
                return Optional.empty();
            }
            host = host.substring(1, end);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));
        }
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            return Optional.empty();
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
        return address == null ? Optional.empty() : Optional.of(new ClientAddress(address.getHostAddress()));
    }

    private static ClientAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return new ClientAddress(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
