package ai.opencrane.controlplane.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ai.opencrane.controlplane.accesstoken.AccessTokenVerifier;
import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ErrorCodes;
import ai.opencrane.controlplane.auth.Sessions;
import ai.opencrane.controlplane.platform.Settings;

/**
 * The one place that turns request credentials into a {@link Caller}. A bearer token wins over the session
 * cookie, and bearer values are tried in a fixed order:
 * <ol>
 * <li>the static token (constant-time comparison of SHA-256 digests, so neither content nor length leaks);</li>
 * <li>{@code ocp_} access tokens ({@link AccessTokenVerifier}: in-memory cache, revocation pushed by PostgreSQL);</li>
 * <li>JWTs, which the container (mpJwt, scoped to {@code Bearer eyJ...} headers in server.xml) has already
 * verified against the identity provider's keys, issuer, audience and expiry: this class only accepts the
 * principal the container built for exactly this token;</li>
 * <li>else, when configured, Kubernetes projected service-account tokens ({@link ServiceAccountTokens}:
 * a TokenReview for the configured audience, only allowed service accounts).</li>
 * </ol>
 * Without a bearer token the session cookie from the browser login is looked up. Every refusal is a 401 whose
 * message says what was wrong, is counted per client address (429 past the limit) and audited.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    Settings settings;

    @Inject
    AccessTokenVerifier accessTokens;

    @Inject
    Sessions sessions;

    @Inject
    FailedAuthentications failures;

    @Inject
    ServiceAccountTokens serviceAccounts;

    private volatile byte[] staticDigest;

    /**
     * The caller for the presented credentials, or empty when the request carries none at all; invalid
     * credentials are a 401 (429 while the client address is over its failure limit).
     */
    public Optional<Caller> authenticate(Credentials credentials) {
        if (credentials.none()) {
            return Optional.empty();
        }
        failures.checkAllowed(credentials.clientAddress());
        boolean bearer = credentials.authorization() != null && !credentials.authorization().isBlank();
        try {
            return Optional.of(bearer ? bearer(credentials) : session(credentials.sessionCookie()));
        } catch (ApiException e) {
            if (e.status() == 401) {
                failures.record(credentials.clientAddress(), bearer ? "bearer" : "session", e.getMessage());
            }
            throw e;
        }
    }

    private Caller bearer(Credentials credentials) {
        String authorization = credentials.authorization();
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw unauthorized("unsupported authorization scheme; use Authorization: Bearer <token>");
        }
        String token = authorization.substring(space + 1).trim();
        if (token.isEmpty() || token.length() > 8192) {
            throw unauthorized("malformed bearer token");
        }
        byte[] configured = staticTokenDigest();
        if (configured != null && matches(token, configured)) {
            return Caller.staticToken();
        }
        if (token.startsWith(AccessTokenVerifier.PREFIX)) {
            return accessTokens.verify(token)
                    .orElseThrow(() -> unauthorized("unknown, expired or revoked access token"));
        }
        if (looksLikeJwt(token)) {
            return jwt(token, credentials);
        }
        throw unauthorized("unrecognised bearer token");
    }

    /** The static token's digest, computed once (the setting does not change while the server runs). */
    private byte[] staticTokenDigest() {
        byte[] digest = staticDigest;
        if (digest == null && settings.apiToken().isPresent()) {
            digest = sha256(settings.apiToken().get());
            staticDigest = digest;
        }
        return digest;
    }

    private Caller jwt(String token, Credentials credentials) {
        if (credentials.containerPrincipal() instanceof JsonWebToken jwt && token.equals(jwt.getRawToken())) {
            return JwtCallers.of(jwt);
        }
        // a second issuer: Kubernetes projected service-account tokens, which the API server reviews
        if (serviceAccounts.enabled()) {
            Optional<Caller> workload = serviceAccounts.verify(token);
            if (workload.isPresent()) {
                return workload.get();
            }
        }
        throw unauthorized("JWT rejected: bad signature, wrong issuer or audience, or expired");
    }

    private Caller session(String cookie) {
        return sessions.find(cookie).orElseThrow(() -> unauthorized("session expired or unknown; log in again"));
    }

    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return first > 0 && second > first && token.indexOf('.', second + 1) < 0;
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }

    /**
     * Whether {@code token} has the given SHA-256 digest, in time that depends on neither: digests have one
     * length, and {@link MessageDigest#isEqual} looks at every byte.
     */
    static boolean matches(String token, byte[] digest) {
        return MessageDigest.isEqual(sha256(token), digest);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
