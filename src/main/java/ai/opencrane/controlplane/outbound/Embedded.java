package ai.opencrane.controlplane.outbound;

import java.util.List;

/**
 * IPv4 addresses carried inside IPv6 ones, which reach the IPv4 host they embed (through the kernel,
 * a NAT64 gateway or a tunnel): IPv4-mapped, IPv4-compatible, SIIT-translated, NAT64, 6to4 and Teredo.
 */
final class Embedded {

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr TRANSLATED = Cidr.parse("::ffff:0:0:0/96");
    private static final List<Cidr> NAT64 = List.of(Cidr.parse("64:ff9b::/96"), Cidr.parse("64:ff9b:1::/48"));
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr TEREDO = Cidr.parse("2001::/32");

    private Embedded() {
    }

    /** The IPv4 addresses an IPv6 address leads to (Teredo: server and client), empty when it embeds none. */
    static List<byte[]> ipv4(byte[] v6) {
        if (MAPPED.contains(v6) || COMPATIBLE.contains(v6) || TRANSLATED.contains(v6)
                || NAT64.stream().anyMatch(c -> c.contains(v6))) {
            return List.of(slice(v6, 12));
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return List.of(slice(v6, 2));
        }
        if (TEREDO.contains(v6)) {
            byte[] client = slice(v6, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return List.of(slice(v6, 4), client);
        }
        return List.of();
    }

    static String text(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }

    private static byte[] slice(byte[] v6, int from) {
        byte[] out = new byte[4];
        System.arraycopy(v6, from, out, 0, 4);
        return out;
    }
}
