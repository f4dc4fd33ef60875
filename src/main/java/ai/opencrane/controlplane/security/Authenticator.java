package ai.opencrane.controlplane.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ErrorCodes;
import ai.opencrane.controlplane.platform.Settings;

/**
 * The one place that turns request credentials into a {@link Caller}. Bearer values are tried in a fixed
 * order: the static token (constant-time comparison of SHA-256 digests, so neither content nor length leaks
 * through timing), then the other credential kinds.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    Settings settings;

    /**
     * The caller for an {@code Authorization} header value, or empty when the request carries no
     * credentials at all; invalid credentials are a 401 whose message says what was wrong.
     */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw unauthorized("unsupported authorization scheme; use Authorization: Bearer <token>");
        }
        String token = authorization.substring(space + 1).trim();
        if (token.isEmpty() || token.length() > 8192) {
            throw unauthorized("malformed bearer token");
        }
        Optional<String> configured = settings.apiToken();
        if (configured.isPresent() && constantTimeEquals(token, configured.get())) {
            return Optional.of(Caller.staticToken());
        }
        throw unauthorized("unrecognised bearer token");
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
