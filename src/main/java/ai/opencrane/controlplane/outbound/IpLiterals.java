package ai.opencrane.controlplane.outbound;

import java.util.Locale;

/**
 * Parses IP address literals in every notation a URL host can use, without DNS: IPv4 in the forms
 * {@code inet_aton} and the WHATWG URL standard accept (1 to 4 parts, each decimal, octal with a leading
 * {@code 0} or hex with {@code 0x}: {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}), and IPv6 with
 * {@code ::} compression and an optional dotted IPv4 tail. Addresses come back as 4 or 16 bytes.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * True when a host is meant as an IPv4 literal: its last label is a number (WHATWG "ends in a number").
     * Such a host must then parse as IPv4; it is never looked up as a name.
     */
    static boolean endsInNumber(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return last.startsWith("0x") && last.substring(2).chars().allMatch(IpLiterals::isHex);
    }

    /** The 4 bytes of an IPv4 literal in any accepted notation, or null when it is not one. */
    static byte[] parseIpv4(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = parsePart(parts[i]);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        address |= last;
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static Long parsePart(String part) {
        if (part.isEmpty() || part.length() > 34) {
            return null;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0L;
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (!digits.chars().allMatch(IpLiterals::isHex)) {
            return null;
        }
        try {
            long v = Long.parseUnsignedLong(digits, radix);
            return v < 0 || v > 0xffffffffL ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The 16 bytes of an IPv6 literal (without brackets or zone), or null when it is not one. */
    static byte[] parseIpv6(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 45 || !s.chars().allMatch(c -> isHex(c) || c == ':' || c == '.')) {
            return null;
        }
        byte[] tail = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') >= 0) {
            tail = dottedQuad(s.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String rest = gap >= 0 ? s.substring(gap + 2) : "";
        int[] left = groups(head);
        int[] right = groups(rest);
        if (left == null || right == null) {
            return null;
        }
        int total = left.length + right.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < left.length; i++) {
            out[2 * i] = (byte) (left[i] >>> 8);
            out[2 * i + 1] = (byte) left[i];
        }
        for (int i = 0; i < right.length; i++) {
            int at = 8 - right.length + i;
            out[2 * at] = (byte) (right[i] >>> 8);
            out[2 * at + 1] = (byte) right[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, out, 12, 4);
        }
        return out;
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    /** Strict dotted-quad (four decimal parts, no leading zeros), as allowed inside IPv6. */
    private static byte[] dottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || p.length() > 1 && p.startsWith("0")) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
