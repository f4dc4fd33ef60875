package ai.opencrane.controlplane.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a request authenticated by the session cookie alone may change state. Browsers attach the
 * cookie to cross-site form posts too (SameSite=Lax only stops it for sub-requests), so an unsafe method must
 * prove it comes from this site: {@code Sec-Fetch-Site: same-origin} (sent by current browsers), or else an
 * {@code Origin} equal to this server's own origin. A request with neither is refused: a browser always sends
 * one of them with a POST, PUT or DELETE, and a script that is not a browser should use a bearer token.
 */
final class CsrfCheck {

    private CsrfCheck() {
    }

    static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /**
     * @param hosts     how the request named this server: its Host header and the authority of the request URI
     *                  (HTTP/2 requests carry {@code :authority} instead of a Host header); nulls are skipped
     * @param publicUrl the configured public origin, if any
     */
    static boolean allowed(String method, String secFetchSite, String origin, List<String> hosts, Optional<String> publicUrl) {
        if (isSafe(method)) {
            return true;
        }
        if (secFetchSite != null) {
            return secFetchSite.equalsIgnoreCase("same-origin");
        }
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return false;
        }
        Optional<String> from = normalise(origin);
        if (from.isEmpty()) {
            return false;
        }
        if (publicUrl.flatMap(CsrfCheck::normalise).equals(from)) {
            return true;
        }
        String scheme = from.get().substring(0, from.get().indexOf(':'));
        return hosts.stream().filter(h -> h != null && !h.isBlank())
                .anyMatch(h -> normalise(scheme + "://" + h.trim()).equals(from));
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or empty when it is not an origin. */
    static Optional<String> normalise(String origin) {
        try {
            URI u = new URI(origin.trim());
            String scheme = u.getScheme();
            String host = u.getHost();
            if (scheme == null || host == null || u.getRawUserInfo() != null
                    || (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
