package ai.opencrane.controlplane.mcpserver;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an MCP server's credential is kept: a Kubernetes Secret's name, never its value. */
@Entity
@Table(name = "mcp_server_credentials")
public class McpCredential {

    @Id
    String id;

    @Column(name = "mcp_server_id", nullable = false)
    String mcpServerId;

    @Column(name = "display_name", nullable = false)
    String displayName;

    @Column(nullable = false)
    String mode;

    @Column(name = "secret_ref")
    String secretRef;

    int position;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected McpCredential() {
    }

    McpCredential(String id, String mcpServerId, Instant now) {
        this.id = id;
        this.mcpServerId = mcpServerId;
        this.createdAt = now;
    }

    void apply(CredentialRequest r, int position, Instant now) {
        boolean changed = !Objects.equals(mode, r.mode()) || !Objects.equals(secretRef, r.secretRef());
        this.displayName = r.displayName();
        this.mode = r.mode();
        this.secretRef = r.secretRef();
        this.position = position;
        if (changed || updatedAt == null) {
            updatedAt = now;
        }
    }

    CredentialView view() {
        return new CredentialView(id, displayName, mode, secretRef);
    }
}
