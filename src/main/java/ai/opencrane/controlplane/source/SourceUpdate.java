package ai.opencrane.controlplane.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code PUT /third-party-sources/{id}}: named fields are replaced (items wholesale), absent ones kept, null clears. */
@Schema(name = "ThirdPartySourceUpdate")
public record SourceUpdate(
        @Schema(minLength = 1, maxLength = 200, pattern = Vocabulary.NAME, description = Vocabulary.NAME_RULE)
        Optional<String> name,
        @Schema(enumeration = {"mcp-registry", "anthropic-skills", "git-repository", "manual-upload"})
        Optional<String> type,
        @Schema(maxLength = 2048) Optional<String> url,
        @Schema(enumeration = {"scheduled", "manual"}, description = "null resets to manual") Optional<String> syncMode,
        @Schema(enumeration = {"healthy", "syncing", "error", "pending-approval"},
                description = "null resets to pending-approval") Optional<String> status,
        @Schema(maxLength = 4000) Optional<String> notes,
        Optional<Instant> lastSyncedAt,
        @Schema(maxItems = 1000) Optional<List<SourceItemRequest>> items) {
}
