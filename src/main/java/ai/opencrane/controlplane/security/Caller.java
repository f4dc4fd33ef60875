package ai.opencrane.controlplane.security;

/**
 * Who is calling, however they proved it.
 *
 * @param subject  the principal's name: the token owner, the identity provider's {@code sub}, or a system actor
 * @param method   how the caller authenticated: {@code static}, {@code token}, {@code session}, {@code jwt}, {@code system}
 * @param readOnly true for read-scoped access tokens: GET and HEAD only
 * @param issuer   the identity provider for sessions and JWTs, else null
 * @param email    from the identity provider when it gave one
 * @param name     display name from the identity provider when it gave one
 */
public record Caller(String subject, String method, boolean readOnly, String issuer, String email, String name) {

    public static final Caller SYSTEM = new Caller("system", "system", false, null, null, null);

    public static Caller staticToken() {
        return new Caller("static-token", "static", false, null, null, null);
    }

    public static Caller system(String component) {
        return new Caller("system:" + component, "system", false, null, null, null);
    }
}
