package ai.opencrane.controlplane.security;

import java.security.Principal;

/**
 * What one request presented, gathered by {@link AuthFilter} so {@link Authenticator} stays free of JAX-RS.
 *
 * @param authorization      the {@code Authorization} header, or null
 * @param sessionCookie      the value of the session cookie, or null
 * @param containerPrincipal the principal the container established (a verified JWT), or null
 * @param clientAddress      the client's address, for rate limiting and the audit log
 */
public record Credentials(String authorization, String sessionCookie, Principal containerPrincipal,
                          String clientAddress) {

    boolean none() {
        return (authorization == null || authorization.isBlank()) && (sessionCookie == null || sessionCookie.isEmpty());
    }
}
