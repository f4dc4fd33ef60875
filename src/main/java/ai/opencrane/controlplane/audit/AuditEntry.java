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

/** A row of {@code audit_log} as the reads see it; {@link AuditService} writes rows with one INSERT. */
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
}
