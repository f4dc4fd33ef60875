package ai.opencrane.controlplane.source;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ThirdPartySource")
public record ThirdPartySourceView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"mcp-registry", "anthropic-skills", "git-repository", "manual-upload"})
        String type,
        @Schema(required = true) String url,
        @Schema(required = true, enumeration = {"scheduled", "manual"}) String syncMode,
        @Schema(required = true, enumeration = {"healthy", "syncing", "error", "pending-approval"}) String status,
        String notes,
        Instant lastSyncedAt,
        @Schema(required = true, description = "Number of items the source manages.") int managedItemCount,
        @Schema(required = true) List<SourceItemView> items,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static ThirdPartySourceView of(ThirdPartySource s, List<SourceItemView> items) {
        return new ThirdPartySourceView(s.id, s.name, s.type, s.url, s.syncMode, s.status, s.notes, s.lastSyncedAt,
                items.size(), items, s.createdAt, s.updatedAt);
    }
}
