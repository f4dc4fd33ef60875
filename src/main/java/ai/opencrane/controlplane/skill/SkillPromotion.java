package ai.opencrane.controlplane.skill;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a bundle's promotion history (e.g. project to org), with its review status. */
@Entity
@Table(name = "skill_promotions")
public class SkillPromotion {

    @Id
    String id;

    @Column(name = "skill_bundle_id", nullable = false)
    String skillBundleId;

    @Column(name = "from_scope", nullable = false)
    String fromScope;

    @Column(name = "to_scope", nullable = false)
    String toScope;

    @Column(name = "promoted_by", nullable = false)
    String promotedBy;

    @Column(nullable = false)
    String status;

    String notes;

    int position;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SkillPromotion() {
    }

    SkillPromotion(String id, String skillBundleId, Instant now) {
        this.id = id;
        this.skillBundleId = skillBundleId;
        this.createdAt = now;
    }

    String key() {
        return fromScope + "\n" + toScope + "\n" + promotedBy;
    }

    void apply(PromotionRequest r, int position, Instant now) {
        String newStatus = r.status() != null ? r.status() : "proposed";
        boolean changed = !Objects.equals(status, newStatus) || !Objects.equals(notes, r.notes());
        this.fromScope = r.fromScope();
        this.toScope = r.toScope();
        this.promotedBy = r.promotedBy();
        this.status = newStatus;
        this.notes = r.notes();
        this.position = position;
        if (changed || updatedAt == null) {
            updatedAt = now;
        }
    }

    PromotionView view() {
        return new PromotionView(id, fromScope, toScope, promotedBy, status, notes, createdAt);
    }
}
