package ai.opencrane.controlplane.mcpserver;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantRequest;
import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code POST /mcp-servers}. */
@Schema(name = "McpServerInput")
public record McpServerRequest(
        @Schema(required = true, minLength = 1, maxLength = 200, pattern = Vocabulary.NAME,
                description = Vocabulary.NAME_RULE) String name,
        @Schema(maxLength = 4000) String description,
        @Schema(required = true, maxLength = 2048, description = "Absolute https URL; no user-info; not a loopback, "
                + "link-local or denied address (plain http only for cluster services, when allowed).") String endpoint,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        @Schema(required = true, enumeration = {"streamable-http", "sse", "websocket"}) String transport,
        @Schema(enumeration = {"active", "degraded", "draft"}, defaultValue = "draft") String status,
        @Schema(maxItems = 200, maxLength = 200, description = "Trimmed and de-duplicated, order kept.")
        List<String> capabilities,
        @Schema(maxLength = 100, description = "Id of the third-party source it came from.") String sourceId,
        Instant lastSyncedAt,
        @Schema(maxItems = 1000) List<GrantRequest> grants,
        @Schema(maxItems = 50) List<CredentialRequest> credentials) {
}
