package ai.opencrane.controlplane.auth;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.security.Caller;

/** {@code GET /auth/me}: who the request authenticated as, however it did. */
@Schema(name = "AuthStatus")
@JsonbNillable
public record AuthStatus(
        @Schema(required = true, enumeration = {"oidc", "token"},
                description = "oidc when browser login is configured, else token (bearer tokens only).") String mode,
        @Schema(required = true) boolean authenticated,
        @Schema(enumeration = {"session", "token", "jwt", "static"}, description = "How the caller authenticated.")
        String method,
        @Schema(description = "The principal; null when not authenticated.") User user) {

    @Schema(name = "AuthUser")
    public record User(@Schema(required = true) String sub, String issuer, String email, String name) {
    }

    static AuthStatus of(String mode, Caller caller) {
        if (caller == null) {
            return new AuthStatus(mode, false, null, null);
        }
        return new AuthStatus(mode, true, caller.method(),
                new User(caller.subject(), caller.issuer(), caller.email(), caller.name()));
    }
}
