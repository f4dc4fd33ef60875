package ai.opencrane.controlplane.skill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantRequest;
import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code PUT /skills/catalog/{id}}: named fields are replaced (lists wholesale), absent ones kept, null clears. */
@Schema(name = "SkillBundleUpdate")
public record SkillBundleUpdate(
        @Schema(minLength = 1, maxLength = 200, pattern = Vocabulary.NAME, description = Vocabulary.NAME_RULE)
        Optional<String> name,
        @Schema(maxLength = 4000) Optional<String> description,
        @Schema(minLength = 1, maxLength = 100, pattern = SkillBundleRequest.VERSION,
                description = "A version of letters, digits and . + _ -") Optional<String> version,
        @Schema(pattern = SkillBundleRequest.DIGEST, description = "A sha256 digest: sha256: and 64 lowercase hex digits; "
                + "a new digest needs a new scan") Optional<String> digest,
        @Schema(enumeration = {"org", "department", "project", "personal"}) Optional<String> scope,
        @Schema(enumeration = {"draft", "review", "published"}, description = "null resets to draft") Optional<String> status,
        @Schema(maxItems = 100, maxLength = 100) Optional<List<String>> tags,
        @Schema(maxLength = 100) Optional<String> sourceId,
        Optional<Instant> publishedAt,
        @Schema(maxItems = 1000) Optional<List<GrantRequest>> grants,
        @Schema(maxItems = 100) Optional<List<PromotionRequest>> promotions) {
}
