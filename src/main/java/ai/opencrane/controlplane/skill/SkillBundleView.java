package ai.opencrane.controlplane.skill;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonString;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantView;

@Schema(name = "SkillBundle")
public record SkillBundleView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        String description,
        @Schema(required = true) String version,
        @Schema(required = true) String digest,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        @Schema(required = true, enumeration = {"draft", "review", "published"}) String status,
        @Schema(required = true, enumeration = {"pending", "scanning", "passed", "failed"},
                description = "Result of the security scan of the current digest; read-only.") String scanStatus,
        @Schema(required = true) List<String> tags,
        String sourceId,
        String sourceName,
        Instant publishedAt,
        @Schema(required = true, description = "Entitlements listed on this bundle.") List<GrantView> grants,
        @Schema(required = true) List<PromotionView> promotions,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static SkillBundleView of(SkillBundle b, String sourceName, List<GrantView> grants, List<PromotionView> promotions) {
        return new SkillBundleView(b.id, b.name, b.description, b.version, b.digest, b.scope, b.status, b.scanStatus,
                b.tags.getValuesAs(JsonString::getString), b.sourceId, sourceName, b.publishedAt, grants, promotions,
                b.createdAt, b.updatedAt);
    }
}
