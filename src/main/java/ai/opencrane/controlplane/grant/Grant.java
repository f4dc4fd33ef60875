package ai.opencrane.controlplane.grant;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of {@code grants}: who ({@code subject}) may or may not ({@code access}) have which payload.
 * It is listed on its catalogue entry ({@code groupId} null) or on a group; the generated
 * {@code subject_group_id} column (the foreign key of group subjects) is the database's, not mapped here.
 */
@Entity
@Table(name = "grants")
public class Grant {

    @Id
    String id;

    @Column(name = "payload_type", nullable = false)
    String payloadType;

    @Column(name = "payload_id", nullable = false)
    String payloadId;

    @Column(name = "mcp_server_id")
    String mcpServerId;

    @Column(name = "skill_bundle_id")
    String skillBundleId;

    @Column(name = "group_id")
    String groupId;

    @Column(nullable = false)
    String scope;

    @Column(name = "subject_type", nullable = false)
    String subjectType;

    @Column(name = "subject_id", nullable = false)
    String subjectId;

    @Column(nullable = false)
    String access;

    int priority;

    String note;

    int position;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected Grant() {
    }

    Grant(String id, GrantSpec spec, String groupId, int position, Instant now) {
        this.id = id;
        this.payloadType = spec.payloadType();
        this.payloadId = spec.payloadId();
        this.mcpServerId = GrantSpec.MCP_SERVER.equals(spec.payloadType()) ? spec.payloadId() : null;
        this.skillBundleId = GrantSpec.SKILL_BUNDLE.equals(spec.payloadType()) ? spec.payloadId() : null;
        this.groupId = groupId;
        this.createdAt = now;
        apply(spec, position, now);
    }

    /** Takes the mutable fields of {@code spec}; {@code updatedAt} moves only when something changed. */
    void apply(GrantSpec spec, int position, Instant now) {
        boolean changed = !Objects.equals(scope, spec.scope()) || !Objects.equals(access, spec.access())
                || priority != spec.priority() || !Objects.equals(note, spec.note());
        this.scope = spec.scope();
        this.subjectType = spec.subjectType();
        this.subjectId = spec.subjectId();
        this.access = spec.access();
        this.priority = spec.priority();
        this.note = spec.note();
        this.position = position;
        if (changed || updatedAt == null) {
            this.updatedAt = now;
        }
    }

    GrantSpec.Key key() {
        return new GrantSpec.Key(payloadType, payloadId, subjectType, subjectId);
    }

    GrantView view() {
        return new GrantView(id, payloadType, payloadId, scope, subjectType, subjectId, access, priority, note,
                createdAt, updatedAt);
    }
}
