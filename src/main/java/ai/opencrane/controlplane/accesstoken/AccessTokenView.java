package ai.opencrane.controlplane.accesstoken;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as listed: never the token itself nor its hash. */
@Schema(name = "AccessToken")
public record AccessTokenView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true, description = "The label given at creation.") String owner,
        @Schema(required = true, description = "The principal that created the token; the token acts as it.") String createdBy,
        @Schema(required = true, description = "read, and write unless read-only.") List<String> scopes,
        @Schema(required = true) Instant createdAt,
        Instant expiresAt,
        @Schema(description = "Last use, to within about 15 seconds.") Instant lastUsedAt) {

    static AccessTokenView of(AccessToken t, Instant pendingUse) {
        Instant used = t.lastUsedAt;
        if (pendingUse != null && (used == null || pendingUse.isAfter(used))) {
            used = pendingUse;
        }
        return new AccessTokenView(t.id, t.name, t.owner, t.createdBy, t.scopes(), t.createdAt, t.expiresAt, used);
    }
}
