package io.commentflow.intake.submission;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The address of the person commenting. Forwarding headers ({@code Forwarded}, else {@code X-Forwarded-For}) are
 * believed only when the direct peer is a trusted proxy, and then only as far as the chain of trusted proxies
 * goes: reading the hops from the right, the first address that is not a trusted proxy is the client. Anyone can
 * write those headers, so an address a client made up never gets past a proxy that appended the real one.
 */
final class ClientAddressResolver {

    private final TrustedProxies trusted;

    ClientAddressResolver(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * @param peer           the socket's remote address
     * @param forwarded      the {@code Forwarded} header values (RFC 7239), possibly empty
     * @param xForwardedFor  the {@code X-Forwarded-For} header values, possibly empty
     */
    String clientAddress(String peer, List<String> forwarded, List<String> xForwardedFor) {
        Optional<InetAddress> peerAddress = TrustedProxies.literal(peer);
        if (peerAddress.isEmpty() || trusted.isEmpty() || !trusted.trusts(peerAddress.get())) {
            return peer;
        }
        List<String> hops = forwarded.isEmpty() ? xForwardedForHops(xForwardedFor) : forwardedForHops(forwarded);
        InetAddress client = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(hops.get(i));
            if (hop.isEmpty()) {
                break;   // "unknown", an obfuscated name or junk: the last trusted proxy is all we know
            }
            client = hop.get();
            if (!trusted.trusts(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private static List<String> xForwardedForHops(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String hop : value.split(",")) {
                hops.add(withoutPort(hop.strip()));
            }
        }
        return hops;
    }

    /** The {@code for=} parameter of each element of {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:80"}. */
    private static List<String> forwardedForHops(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                String forValue = "";
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        forValue = pair.substring(eq + 1).strip();
                    }
                }
                if (forValue.length() >= 2 && forValue.startsWith("\"") && forValue.endsWith("\"")) {
                    forValue = forValue.substring(1, forValue.length() - 1);
                }
                hops.add(withoutPort(forValue));
            }
        }
        return hops;
    }

    /** {@code [2001:db8::1]:80} → {@code 2001:db8::1}; {@code 192.0.2.1:8080} → {@code 192.0.2.1}; bare IPv6 as is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
