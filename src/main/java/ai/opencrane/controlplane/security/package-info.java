/**
 * The authentication gate of {@code /api/v1} ({@link ai.opencrane.controlplane.security.AuthFilter}) and the one
 * place that resolves a request's credentials to a {@link ai.opencrane.controlplane.security.Caller}
 * ({@link ai.opencrane.controlplane.security.Authenticator}): the static token, {@code ocp_} access tokens, JWTs the
 * container verified, and the browser session cookie. Also the CSRF rule for cookie-authenticated changes and the
 * per-address limit on failed attempts. Owns no table; failed attempts go to the audit log.
 */
package ai.opencrane.controlplane.security;
