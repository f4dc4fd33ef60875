package ai.opencrane.controlplane.source;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code POST /third-party-sources}. */
@Schema(name = "ThirdPartySourceInput")
public record SourceRequest(
        @Schema(required = true, minLength = 1, maxLength = 200, pattern = Vocabulary.NAME,
                description = Vocabulary.NAME_RULE) String name,
        @Schema(required = true, enumeration = {"mcp-registry", "anthropic-skills", "git-repository", "manual-upload"})
        String type,
        @Schema(required = true, maxLength = 2048,
                description = "Absolute https URL; no user-info; not a loopback, link-local or denied address.") String url,
        @Schema(enumeration = {"scheduled", "manual"}, defaultValue = "manual") String syncMode,
        @Schema(enumeration = {"healthy", "syncing", "error", "pending-approval"}, defaultValue = "pending-approval")
        String status,
        @Schema(maxLength = 4000) String notes,
        Instant lastSyncedAt,
        @Schema(maxItems = 1000) List<SourceItemRequest> items) {
}
