package ai.opencrane.controlplane.mcpserver;

import java.time.Instant;

import jakarta.json.JsonArray;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.opencrane.controlplane.platform.JsonbConverter;

@Entity
@Table(name = "mcp_servers")
public class McpServer {

    @Id
    String id;

    @Column(nullable = false)
    String name;

    String description;

    @Column(nullable = false)
    String endpoint;

    @Column(nullable = false)
    String scope;

    @Column(nullable = false)
    String transport;

    @Column(nullable = false)
    String status;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb", nullable = false)
    JsonArray capabilities;

    @Column(name = "source_id")
    String sourceId;

    @Column(name = "last_synced_at")
    Instant lastSyncedAt;

    @Version
    @Column(name = "row_version")
    long rowVersion;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected McpServer() {
    }

    McpServer(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
