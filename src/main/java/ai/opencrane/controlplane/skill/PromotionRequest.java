package ai.opencrane.controlplane.skill;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SkillPromotionInput")
public record PromotionRequest(
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String fromScope,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String toScope,
        @Schema(required = true, minLength = 1, maxLength = 320, pattern = "[^\\s\\p{Cntrl}]+",
                description = "A user id without spaces") String promotedBy,
        @Schema(enumeration = {"proposed", "approved", "rejected"}, defaultValue = "proposed") String status,
        @Schema(maxLength = 2000) String notes) {

    String key() {
        return fromScope + "\n" + toScope + "\n" + promotedBy;
    }
}
