package ai.opencrane.controlplane.source;

import java.time.Instant;
import java.util.Objects;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.opencrane.controlplane.platform.JsonbConverter;

/** An MCP server or skill bundle a source manages, known by its upstream id (unique per source and kind). */
@Entity
@Table(name = "third_party_source_items")
public class SourceItem {

    @Id
    String id;

    @Column(name = "source_id", nullable = false)
    String sourceId;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    String name;

    @Column(name = "upstream_id", nullable = false)
    String upstreamId;

    String version;

    String digest;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb")
    JsonObject metadata;

    int position;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SourceItem() {
    }

    SourceItem(String id, String sourceId, Instant now) {
        this.id = id;
        this.sourceId = sourceId;
        this.createdAt = now;
    }

    void apply(SourceItemRequest r, int position, Instant now) {
        boolean changed = !Objects.equals(name, r.name()) || !Objects.equals(version, r.version())
                || !Objects.equals(digest, r.digest()) || !Objects.equals(metadata, r.metadata());
        this.kind = r.kind();
        this.upstreamId = r.upstreamId();
        this.name = r.name();
        this.version = r.version();
        this.digest = r.digest();
        this.metadata = r.metadata();
        this.position = position;
        if (changed || updatedAt == null) {
            updatedAt = now;
        }
    }

    SourceItemView view() {
        return new SourceItemView(id, kind, name, upstreamId, version, digest, metadata);
    }
}
