package ai.opencrane.controlplane.skill;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SkillPromotion")
public record PromotionView(
        @Schema(required = true) String id,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String fromScope,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String toScope,
        @Schema(required = true) String promotedBy,
        @Schema(required = true, enumeration = {"proposed", "approved", "rejected"}) String status,
        String notes,
        @Schema(required = true) Instant createdAt) {
}
