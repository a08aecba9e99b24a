package com.mobayilo.sandbox;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a URL names this machine or a private network, so that only people on it can reach what it serves:
 * {@code localhost} and {@code *.localhost} (RFC 6761), and IP addresses that are loopback, private (RFC 1918),
 * link-local or unique local IPv6 ({@code fc00::/7}). Any other name may resolve to a public address, cluster-internal
 * ones ({@code *.svc}, {@code *.cluster.local}) included, since an ingress may publish what they serve
 * (docs/decisions/0023-trusted-proxies-and-safe-starts.md).
 */
public final class PrivateUrls {

    private PrivateUrls() {
    }

    public static boolean isPrivate(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        }
        catch (IllegalArgumentException notAUrl) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(host);
        }
        catch (IllegalArgumentException aName) {
            return false;
        }
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || isUniqueLocal(address);
    }

    private static boolean isUniqueLocal(InetAddress address) {
        var bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
