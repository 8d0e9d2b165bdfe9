package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressResolverTests {

    private final ClientAddressResolver behindProxies = new ClientAddressResolver(
            new TrustedProxies(List.of("10.0.0.0/8", "127.0.0.1/32", "2001:db8:ffff::/48")));

    @Test
    void usesTheSocketAddressWhenNoProxyIsTrusted() {
        ClientAddressResolver direct = new ClientAddressResolver(new TrustedProxies(List.of()));

        assertThat(direct.clientAddress("203.0.113.9", List.of("for=198.51.100.1"), List.of("198.51.100.2")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void ignoresForwardingHeadersFromAPeerThatIsNotATrustedProxy() {
        assertThat(behindProxies.clientAddress("203.0.113.9", List.of(), List.of("198.51.100.2")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void believesXForwardedForFromATrustedProxy() {
        assertThat(behindProxies.clientAddress("10.1.2.3", List.of(), List.of("198.51.100.2")))
                .isEqualTo("198.51.100.2");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRightSoAForgedLeftmostValueDoesNotCount() {
        // the client wrote "1.2.3.4" itself; the edge proxy appended the real address, an inner proxy its own
        assertThat(behindProxies.clientAddress("127.0.0.1", List.of(), List.of("1.2.3.4, 198.51.100.7", "10.0.0.5")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void prefersTheStandardForwardedHeaderWithQuotedIpv6AndPorts() {
        assertThat(behindProxies.clientAddress("10.1.2.3",
                List.of("for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\""),
                List.of("198.51.100.2"))).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(behindProxies.clientAddress("10.1.2.3", List.of("For=\"192.0.2.61:8080\""), List.of()))
                .isEqualTo("192.0.2.61");
    }

    @Test
    void stopsAtAHopThatIsNoAddress() {
        assertThat(behindProxies.clientAddress("10.1.2.3", List.of("for=unknown, for=10.9.9.9"), List.of()))
                .isEqualTo("10.9.9.9");
        assertThat(behindProxies.clientAddress("10.1.2.3", List.of(), List.of("evil.example.org")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void matchesIpv6BlocksAndNeverLooksUpNames() {
        assertThat(behindProxies.clientAddress("2001:db8:ffff:1::1", List.of(), List.of("2001:db8::42")))
                .isEqualTo("2001:db8:0:0:0:0:0:42");
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("example.org")).isEmpty();
    }

    @Test
    void refusesMalformedBlocksAtStartUp() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal/8"))).isInstanceOf(IllegalArgumentException.class);
    }
}
