package com.mobayilo.sandbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateUrlsTests {

    @Test
    void thisMachineAndPrivateNetworksArePrivate() {
        for (var url : List.of("http://localhost:8080", "http://LOCALHOST:8081/", "http://mobayilo.localhost", "http://127.0.0.1:8081",
                "http://127.5.5.5", "http://[::1]:8080", "http://10.1.2.3", "http://172.16.0.9:8080", "http://172.31.255.1", "http://192.168.1.20:8081",
                "http://169.254.10.1", "http://[fe80::1]", "http://[fd12:3456::1]:8080")) {
            assertThat(PrivateUrls.isPrivate(url)).as(url).isTrue();
        }
    }

    @Test
    void publicAddressesAndNamesThatMayResolveToThemAreNot() {
        for (var url : List.of("https://mobayilo.example.com", "http://203.0.113.10:8080", "http://[2001:db8::1]:8080", "http://172.32.0.1",
                "http://100.64.0.1", "http://0.0.0.0:8080", "http://mobayilo.svc.cluster.local", "http://localhost.example.com",
                "http://evil.com/localhost", "not a url", "", "http://[::1")) {
            assertThat(PrivateUrls.isPrivate(url)).as(url).isFalse();
        }
    }
}
