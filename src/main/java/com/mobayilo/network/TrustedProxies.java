package com.mobayilo.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The proxies whose {@code X-Forwarded-*} and {@code Forwarded} headers are believed: the CIDR ranges in
 * {@code MOBAYILO_TRUSTED_PROXIES}, none by default. From any other peer those headers are whatever a client wrote,
 * and believing them would let it pick its own address for rate limits and sign-in throttling
 * (docs/decisions/0023-trusted-proxies-and-safe-starts.md). Both servers take their forwarded information from here.
 */
@Component
public class TrustedProxies {

    static final String VARIABLE = "MOBAYILO_TRUSTED_PROXIES";

    private final List<Range> ranges;

    TrustedProxies(@Value("${mobayilo.trusted-proxies:}") String ranges) {
        this.ranges = parse(ranges);
    }

    public static TrustedProxies of(String ranges) {
        return new TrustedProxies(ranges);
    }

    public boolean trustsAnyone() {
        return !ranges.isEmpty();
    }

    public boolean trusts(InetAddress peer) {
        return peer != null && ranges.stream().anyMatch(range -> range.contains(peer));
    }

    /**
     * The client's address: the peer itself unless it is a trusted proxy; then, walking the forwarded chain from the
     * nearest hop back, the first address that is no trusted proxy. Addresses a client wrote before it are never read,
     * so prepending a made-up one changes nothing; an unreadable hop ends the walk at the last readable one.
     */
    public InetAddress clientAddress(InetAddress peer, List<String> forwardedFor) {
        var client = peer;
        for (int i = forwardedFor.size() - 1; i >= 0 && trusts(client); i--) {
            var hop = literal(forwardedFor.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client;
    }

    /** The ranges as Tomcat's RemoteIpValve reads CIDRs ({@code internalProxies}); empty trusts no one. */
    public String asCidrList() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
    }

    /**
     * An address as proxies write it, without a DNS lookup: {@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code 2001:db8::1}, {@code [2001:db8::1]:4711}, optionally quoted ({@code Forwarded}); null for anything else
     * ({@code unknown}, obfuscated names).
     */
    public static InetAddress literal(String written) {
        var value = written.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            var end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        }
        else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        try {
            return value.isEmpty() ? null : InetAddress.ofLiteral(value);
        }
        catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    private static List<Range> parse(String setting) {
        var ranges = new ArrayList<Range>();
        for (var entry : setting.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(Range.of(entry.strip()));
            }
        }
        return List.copyOf(ranges);
    }

    /** One CIDR range; a bare address is a range of one. */
    record Range(byte[] network, int bits) {

        static Range of(String cidr) {
            var slash = cidr.indexOf('/');
            var address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalStateException(VARIABLE + ": '" + cidr + "' is not an IP address or a CIDR range such as 10.0.0.0/8");
            }
            var size = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? size : Integer.parseInt(cidr.substring(slash + 1).strip());
            }
            catch (NumberFormatException notANumber) {
                bits = -1;
            }
            if (bits < 0 || bits > size) {
                throw new IllegalStateException(VARIABLE + ": '" + cidr + "' has no valid prefix length (0 to " + size + ")");
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            var bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                var mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
            }
            catch (java.net.UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
