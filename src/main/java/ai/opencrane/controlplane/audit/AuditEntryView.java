package ai.opencrane.controlplane.audit;

import java.time.Instant;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(required = true) String id,
        @Schema(required = true) Instant timestamp,
        @Schema(required = true, description = "The principal that made the change.") String actor,
        @Schema(required = true, example = "Created") String action,
        @Schema(required = true, example = "Tenant/alice") String resource,
        @Schema(description = "The tenant the change concerns; kept after the tenant is deleted.") String tenant,
        @Schema(required = true) String message,
        @Schema(description = "Structured details; never secrets.") JsonObject metadata,
        @Schema(description = "Id of the request that made the change.") String requestId) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id.toString(), e.at, e.actor, e.action, e.resource, e.tenant, e.message,
                e.metadata, e.requestId);
    }
}
