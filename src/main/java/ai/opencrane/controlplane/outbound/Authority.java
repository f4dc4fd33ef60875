package ai.opencrane.controlplane.outbound;

import java.util.Locale;

/**
 * The host and port of a URL's raw authority, split by hand: {@link java.net.URI} leaves the host null for
 * authorities it considers registry-based (such as {@code 2130706433} or {@code 0x7f.1}), which are exactly
 * the ones that must be judged.
 */
record Authority(String host, boolean ipv6, int port, String problem) {

    static Authority parse(String raw) {
        if (raw.indexOf('%') >= 0) {
            return failed("host must not be percent-encoded or carry a zone id");
        }
        if (!raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return failed("host must be ASCII (use the punycode form of international names)");
        }
        String host;
        String port = null;
        boolean ipv6 = raw.startsWith("[");
        if (ipv6) {
            int close = raw.indexOf(']');
            if (close < 0) {
                return failed("host is not a valid IPv6 address");
            }
            host = raw.substring(1, close);
            String rest = raw.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return failed("is not a valid URL");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = raw.indexOf(':');
            host = colon < 0 ? raw : raw.substring(0, colon);
            port = colon < 0 ? null : raw.substring(colon + 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return failed("must name a host");
        }
        int number = -1;
        if (port != null) {
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return failed("port must be a number from 1 to 65535");
            }
            number = Integer.parseInt(port);
        }
        return new Authority(host, ipv6, number, null);
    }

    private static Authority failed(String problem) {
        return new Authority(null, false, -1, problem);
    }
}
