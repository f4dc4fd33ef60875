package ai.opencrane.controlplane.platform;

import java.security.SecureRandom;

/**
 * Opaque, stable resource ids: a short type prefix and 120 random bits in lowercase base32
 * ({@code mcp_7k2q...}). Nothing is encoded in them, so clients cannot derive or guess one.
 */
public final class OpaqueIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private OpaqueIds() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(prefix.length() + 25).append(prefix).append('_');
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
