package com.mobayilo.web;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import com.mobayilo.network.TrustedProxies;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.http.server.ConnectionInfo;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Reactor Netty applies {@code Forwarded} and {@code X-Forwarded-*} only when the connection comes from a proxy in
 * {@code MOBAYILO_TRUSTED_PROXIES}. Its own handling ({@code forwarded(true)}) believes them from anyone and takes the
 * first address of the chain, which the client wrote itself; here the client is the nearest hop that is no trusted
 * proxy (docs/decisions/0023-trusted-proxies-and-safe-starts.md). The scheme decides HSTS; the client address is what
 * the per-address limits count.
 */
@Component
class ProxiedConnections implements NettyServerCustomizer {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:(\\d{1,5}))?");

    private final TrustedProxies proxies;

    ProxiedConnections(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.forwarded(new FromTrustedProxies(proxies));
    }

    /** What a trusted proxy says about the client: its address chain, the scheme and the host it asked for. */
    record Forwarding(List<String> forwardedFor, String proto, String host) {

        static Forwarding of(HttpHeaders headers) {
            var standard = headers.get("Forwarded");
            return standard != null ? standard(standard)
                    : new Forwarding(values(headers.get("X-Forwarded-For")), first(headers.get("X-Forwarded-Proto")), first(headers.get("X-Forwarded-Host")));
        }

        /** RFC 7239: elements separated by commas, pairs by semicolons; proto and host from the element nearest the client. */
        private static Forwarding standard(String header) {
            var chain = new ArrayList<String>();
            String proto = null;
            String host = null;
            var firstElement = true;
            for (var element : header.split(",")) {
                for (var pair : element.split(";")) {
                    var equals = pair.indexOf('=');
                    if (equals < 0) {
                        continue;
                    }
                    var name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                    var value = unquoted(pair.substring(equals + 1).strip());
                    switch (name) {
                        case "for" -> chain.add(value);
                        case "proto" -> proto = firstElement ? value : proto;
                        case "host" -> host = firstElement ? value : host;
                        default -> {
                        }
                    }
                }
                firstElement = false;
            }
            return new Forwarding(chain, proto, host);
        }

        private static List<String> values(String header) {
            return header == null ? List.of() : List.of(header.split(","));
        }

        private static String first(String header) {
            return header == null ? null : header.split(",", 2)[0].strip();
        }

        private static String unquoted(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
    }

    private record FromTrustedProxies(TrustedProxies proxies) implements BiFunction<ConnectionInfo, HttpRequest, ConnectionInfo> {

        @Override
        public ConnectionInfo apply(ConnectionInfo connection, HttpRequest request) {
            var peer = connection.getRemoteAddress();
            if (peer == null || !proxies.trusts(peer.getAddress())) {
                return connection;
            }
            var forwarding = Forwarding.of(request.headers());
            var info = connection;
            var client = proxies.clientAddress(peer.getAddress(), forwarding.forwardedFor());
            if (!client.equals(peer.getAddress())) {
                info = info.withRemoteAddress(new InetSocketAddress(client, 0));
            }
            var scheme = forwarding.proto() == null ? null : forwarding.proto().toLowerCase(Locale.ROOT);
            if ("http".equals(scheme) || "https".equals(scheme)) {
                info = info.withScheme(scheme);
            }
            var host = forwarding.host() == null ? null : HOST.matcher(forwarding.host());
            if (host != null && host.matches()) {
                var port = host.group(3) != null ? Integer.parseInt(host.group(3)) : ConnectionInfo.getDefaultHostPort(info.getScheme());
                if (port <= 65_535) {
                    info = info.withHostAddress(InetSocketAddress.createUnresolved(host.group(1), port), host.group(1), port);
                }
            }
            return info;
        }
    }
}
