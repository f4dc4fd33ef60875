package ai.opencrane.controlplane.auth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a finished login sends the browser: only a path on this site. Anything that could leave the site
 * (a scheme, {@code //host}, a backslash that some browsers read as a slash, control characters) becomes {@code /}.
 */
final class ReturnTo {

    static final String HOME = "/";

    private ReturnTo() {
    }

    static String sanitise(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048 || value.charAt(0) != '/') {
            return HOME;
        }
        if (value.startsWith("//")) {
            return HOME;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return HOME;
            }
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return HOME;
            }
        } catch (URISyntaxException e) {
            return HOME;
        }
        return value;
    }
}
