package com.mobayilo.ui;

import com.mobayilo.network.TrustedProxies;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only from the proxies in
 * {@code MOBAYILO_TRUSTED_PROXIES}: its remote-IP valve otherwise trusts every private address, this machine included.
 * The client address it finds (the nearest hop that is no trusted proxy) is what sign-in throttling and the other
 * per-address limits of the UI count (docs/decisions/0023-trusted-proxies-and-safe-starts.md). Tomcat reads no
 * standard {@code Forwarded} header.
 */
@Component
class ProxiedRequests implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final TrustedProxies proxies;

    ProxiedRequests(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setEngineValves(factory.getEngineValves().stream().filter(valve -> !(valve instanceof RemoteIpValve)).toList());
        var valve = new RemoteIpValve();
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        // CIDRs, never Tomcat's default regular expression; empty trusts no one.
        valve.setInternalProxies(proxies.asCidrList());
        factory.addEngineValves(valve);
    }

    /** After Spring Boot's own Tomcat settings, which would add a valve trusting every private address. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
