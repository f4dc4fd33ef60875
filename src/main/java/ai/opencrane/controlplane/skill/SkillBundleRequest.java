package ai.opencrane.controlplane.skill;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantRequest;
import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code POST /skills/catalog}. */
@Schema(name = "SkillBundleInput")
public record SkillBundleRequest(
        @Schema(required = true, minLength = 1, maxLength = 200, pattern = Vocabulary.NAME,
                description = Vocabulary.NAME_RULE) String name,
        @Schema(maxLength = 4000) String description,
        @Schema(required = true, minLength = 1, maxLength = 100, pattern = SkillBundleRequest.VERSION,
                description = "A version of letters, digits and . + _ -") String version,
        @Schema(required = true, pattern = SkillBundleRequest.DIGEST,
                description = "A sha256 digest: sha256: and 64 lowercase hex digits") String digest,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        @Schema(enumeration = {"draft", "review", "published"}, defaultValue = "draft",
                description = "published needs a passed scan (422 SCAN_REQUIRED), so a bundle is never created published.")
        String status,
        @Schema(maxItems = 100, maxLength = 100, description = "Trimmed and de-duplicated, order kept.") List<String> tags,
        @Schema(maxLength = 100, description = "Id of the third-party source it came from.") String sourceId,
        Instant publishedAt,
        @Schema(maxItems = 1000, description = "Entitlements: who may use the bundle.") List<GrantRequest> grants,
        @Schema(maxItems = 100) List<PromotionRequest> promotions) {

    static final String VERSION = "[0-9A-Za-z][0-9A-Za-z.+_-]*";
    static final String DIGEST = "sha256:[0-9a-f]{64}";
}
