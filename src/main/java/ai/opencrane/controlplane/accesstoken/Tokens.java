package ai.opencrane.controlplane.accesstoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The token format: {@code ocp_} and 48 lowercase hex characters (24 random bytes); stored as SHA-256 hex. */
final class Tokens {

    static final String PREFIX = "ocp_";
    static final int HEX_CHARS = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String generate() {
        byte[] bytes = new byte[HEX_CHARS / 2];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    static boolean wellFormed(String token) {
        if (token.length() != PREFIX.length() + HEX_CHARS || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
