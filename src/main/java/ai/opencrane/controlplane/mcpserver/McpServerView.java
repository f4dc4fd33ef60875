package ai.opencrane.controlplane.mcpserver;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonString;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantView;

@Schema(name = "McpServer")
public record McpServerView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        String description,
        @Schema(required = true) String endpoint,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        @Schema(required = true, enumeration = {"streamable-http", "sse", "websocket"}) String transport,
        @Schema(required = true, enumeration = {"active", "degraded", "draft"}) String status,
        @Schema(required = true) List<String> capabilities,
        String sourceId,
        String sourceName,
        Instant lastSyncedAt,
        @Schema(required = true, description = "Grants listed on this server (those listed on groups are on the group).")
        List<GrantView> grants,
        @Schema(required = true) List<CredentialView> credentials,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static McpServerView of(McpServer s, String sourceName, List<GrantView> grants, List<CredentialView> credentials) {
        return new McpServerView(s.id, s.name, s.description, s.endpoint, s.scope, s.transport, s.status,
                s.capabilities.getValuesAs(JsonString::getString), s.sourceId, sourceName, s.lastSyncedAt,
                grants, credentials, s.createdAt, s.updatedAt);
    }
}
