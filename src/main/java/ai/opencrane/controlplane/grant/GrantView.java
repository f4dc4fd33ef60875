package ai.opencrane.controlplane.grant;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Grant")
public record GrantView(
        @Schema(required = true) String id,
        @Schema(required = true, enumeration = {"awareness", "mcp-server", "skill-bundle"}) String payloadType,
        @Schema(required = true) String payloadId,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        @Schema(required = true, enumeration = {"group", "tenant", "user"}) String subjectType,
        @Schema(required = true, description = "Tenant name, user id, or group id.") String subjectId,
        @Schema(required = true, enumeration = {"allow", "deny"}) String access,
        @Schema(required = true) int priority,
        String note,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
