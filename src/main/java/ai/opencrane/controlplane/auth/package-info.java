/**
 * Browser login and sessions (table {@code sessions}), the {@code /api/v1/auth/*} routes. Liberty's OpenID
 * Connect client runs the authorization-code flow (PKCE, state, nonce) on the login URLs, which
 * {@link ai.opencrane.controlplane.auth.LoginRegistrar} protects only when OIDC is configured;
 * {@link ai.opencrane.controlplane.auth.LoginServlet} then swaps the container's login for an application session:
 * a random cookie whose SHA-256 is stored in PostgreSQL, so it survives restarts, works on every replica and ends
 * everywhere at logout. The gate ({@code security.AuthFilter}) resolves the cookie through
 * {@link ai.opencrane.controlplane.auth.Sessions}.
 */
package ai.opencrane.controlplane.auth;
