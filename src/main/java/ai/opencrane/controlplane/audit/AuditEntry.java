package ai.opencrane.controlplane.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.opencrane.controlplane.platform.JsonbConverter;
import jakarta.json.JsonObject;

@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    Instant at;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String action;

    @Column(nullable = false)
    String resource;

    String tenant;

    @Column(nullable = false)
    String message;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb")
    JsonObject metadata;

    @Column(name = "request_id")
    String requestId;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String actor, String action, String resource, String tenant, String message,
               JsonObject metadata, String requestId) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.resource = resource;
        this.tenant = tenant;
        this.message = message;
        this.metadata = metadata;
        this.requestId = requestId;
    }
}
