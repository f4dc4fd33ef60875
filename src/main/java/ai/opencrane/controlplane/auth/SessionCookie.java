package ai.opencrane.controlplane.auth;

/**
 * The session cookie, written by hand: JAX-RS's {@code NewCookie} emits RFC 2109 attributes and no SameSite.
 * HttpOnly (no script reads it), SameSite=Lax (other sites' links still carry it, their sub-requests and form
 * posts do not), Secure unless configured off for plain-HTTP development, and scoped to the API's path.
 */
public final class SessionCookie {

    public static final String NAME = "opencrane_session";
    static final String PATH = "/api/v1";

    private SessionCookie() {
    }

    static String set(String value, long maxAgeSeconds, boolean secure) {
        return NAME + "=" + value + "; Path=" + PATH + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    static String clear(boolean secure) {
        return NAME + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
