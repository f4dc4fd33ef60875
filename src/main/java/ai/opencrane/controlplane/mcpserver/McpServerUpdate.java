package ai.opencrane.controlplane.mcpserver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantRequest;
import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code PUT /mcp-servers/{id}}: named fields are replaced (lists wholesale), absent ones kept, null clears. */
@Schema(name = "McpServerUpdate")
public record McpServerUpdate(
        @Schema(minLength = 1, maxLength = 200, pattern = Vocabulary.NAME, description = Vocabulary.NAME_RULE)
        Optional<String> name,
        @Schema(maxLength = 4000) Optional<String> description,
        @Schema(maxLength = 2048) Optional<String> endpoint,
        @Schema(enumeration = {"org", "department", "project", "personal"}) Optional<String> scope,
        @Schema(enumeration = {"streamable-http", "sse", "websocket"}) Optional<String> transport,
        @Schema(enumeration = {"active", "degraded", "draft"}, description = "null resets to draft") Optional<String> status,
        @Schema(maxItems = 200, maxLength = 200) Optional<List<String>> capabilities,
        @Schema(maxLength = 100) Optional<String> sourceId,
        Optional<Instant> lastSyncedAt,
        @Schema(maxItems = 1000) Optional<List<GrantRequest>> grants,
        @Schema(maxItems = 50) Optional<List<CredentialRequest>> credentials) {
}
