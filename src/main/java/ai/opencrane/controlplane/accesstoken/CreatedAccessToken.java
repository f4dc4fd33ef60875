package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a create: the only time the plain token is ever shown. */
@Schema(name = "CreatedAccessToken")
public record CreatedAccessToken(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) String owner,
        @Schema(required = true) String createdBy,
        @Schema(required = true, description = "read, and write unless read-only.") List<String> scopes,
        @Schema(required = true) Instant createdAt,
        Instant expiresAt,
        @Schema(required = true, description = "ocp_ followed by 48 hex characters; shown once, store it now.")
        String plainTextToken) {

    static CreatedAccessToken of(AccessToken t, String plainTextToken) {
        return new CreatedAccessToken(t.id, t.name, t.owner, t.createdBy, t.scopes(), t.createdAt, t.expiresAt,
                plainTextToken);
    }
}
