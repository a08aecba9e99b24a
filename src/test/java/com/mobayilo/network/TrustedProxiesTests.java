package com.mobayilo.network;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTests {

    private static final InetAddress INGRESS = InetAddress.ofLiteral("10.42.0.7");

    private static final InetAddress CLIENT = InetAddress.ofLiteral("203.0.113.9");

    @Test
    void nobodyIsTrustedByDefault() {
        var proxies = TrustedProxies.of("");
        assertThat(proxies.trustsAnyone()).isFalse();
        assertThat(proxies.trusts(InetAddress.ofLiteral("127.0.0.1"))).isFalse();
        assertThat(proxies.clientAddress(CLIENT, List.of("198.51.100.1"))).isEqualTo(CLIENT);
        assertThat(proxies.asCidrList()).isEmpty();
    }

    @Test
    void rangesAndSingleAddressesOfBothFamiliesAreTrusted() {
        var proxies = TrustedProxies.of(" 10.0.0.0/8, 192.168.1.5 ,fd00::/8");
        assertThat(proxies.trusts(INGRESS)).isTrue();
        assertThat(proxies.trusts(InetAddress.ofLiteral("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(InetAddress.ofLiteral("192.168.1.5"))).isTrue();
        assertThat(proxies.trusts(InetAddress.ofLiteral("192.168.1.6"))).isFalse();
        assertThat(proxies.trusts(InetAddress.ofLiteral("fd12::1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.ofLiteral("2001:db8::1"))).isFalse();
        assertThat(proxies.asCidrList()).isEqualTo("10.0.0.0/8, 192.168.1.5/32, fd00:0:0:0:0:0:0:0/8");
    }

    @Test
    void theClientIsTheNearestHopThatIsNoTrustedProxyWhateverTheClientWroteBeforeIt() {
        var proxies = TrustedProxies.of("10.0.0.0/8");
        assertThat(proxies.clientAddress(INGRESS, List.of("198.51.100.1", " 203.0.113.9"))).isEqualTo(CLIENT);
        assertThat(proxies.clientAddress(INGRESS, List.of("203.0.113.9", "10.1.2.3"))).isEqualTo(CLIENT);
        assertThat(proxies.clientAddress(INGRESS, List.of("[2001:db8::1]:4711"))).isEqualTo(InetAddress.ofLiteral("2001:db8::1"));
        assertThat(proxies.clientAddress(INGRESS, List.of("\"203.0.113.9:80\""))).isEqualTo(CLIENT);
        assertThat(proxies.clientAddress(INGRESS, List.of("198.51.100.1", "unknown"))).as("an unreadable hop ends the walk").isEqualTo(INGRESS);
        assertThat(proxies.clientAddress(INGRESS, List.of())).isEqualTo(INGRESS);
    }

    @Test
    void aSettingThatIsNoAddressOrRangeStopsTheStartNamingTheVariable() {
        for (var bad : List.of("ingress.local", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
            assertThatThrownBy(() -> TrustedProxies.of(bad)).hasMessageContaining("MOBAYILO_TRUSTED_PROXIES").hasMessageContaining(bad);
        }
    }
}
