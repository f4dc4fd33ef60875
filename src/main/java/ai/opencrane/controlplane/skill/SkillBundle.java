package ai.opencrane.controlplane.skill;

import java.time.Instant;

import jakarta.json.JsonArray;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import ai.opencrane.controlplane.platform.JsonbConverter;

/**
 * A skill bundle of the catalogue. {@code scanStatus} is written only by a scan of the bundle's current
 * digest (none exists in the API yet); changing the digest sets it back to {@code pending}.
 */
@Entity
@Table(name = "skill_bundles")
public class SkillBundle {

    @Id
    String id;

    @Column(nullable = false)
    String name;

    String description;

    @Column(nullable = false)
    String version;

    @Column(nullable = false)
    String digest;

    @Column(nullable = false)
    String scope;

    @Column(nullable = false)
    String status;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb", nullable = false)
    JsonArray tags;

    @Column(name = "source_id")
    String sourceId;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(name = "scan_status", nullable = false)
    String scanStatus;

    @Column(name = "scanned_at")
    Instant scannedAt;

    @Version
    @Column(name = "row_version")
    long rowVersion;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SkillBundle() {
    }

    SkillBundle(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
        this.scanStatus = "pending";
    }
}
