package ai.opencrane.controlplane.outbound;

import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). */
record Cidr(byte[] network, int prefix, String text) {

    static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = address.indexOf(':') >= 0 ? IpLiterals.parseIpv6(address) : strictIpv4(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not a CIDR network: " + text);
        }
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR network: " + text);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix out of range: " + text);
        }
        return new Cidr(bytes, prefix, t);
    }

    private static byte[] strictIpv4(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? IpLiterals.parseIpv4(address) : null;
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
