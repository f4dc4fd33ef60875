/**
 * Access tokens (table {@code access_tokens}): {@code ocp_} bearer tokens for automation, created and revoked
 * through {@code /api/v1/access-tokens}. Only the SHA-256 of a token is stored; the plain token is shown once.
 * {@link ai.opencrane.controlplane.accesstoken.AccessTokenVerifier} authenticates them for the gate from an
 * in-memory {@link ai.opencrane.controlplane.accesstoken.TokenCache} that PostgreSQL LISTEN/NOTIFY keeps honest
 * ({@link ai.opencrane.controlplane.platform.NotificationListener}); {@link ai.opencrane.controlplane.accesstoken.LastUsed}
 * batches the {@code last_used_at} writes.
 */
package ai.opencrane.controlplane.accesstoken;
