package ai.opencrane.controlplane.group;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code PUT /groups/{id}}: named fields are replaced (lists wholesale), absent ones kept, null clears. */
@Schema(name = "GroupUpdate")
public record GroupUpdate(
        @Schema(minLength = 1, maxLength = 200, pattern = Vocabulary.NAME, description = Vocabulary.NAME_RULE)
        Optional<String> name,
        @Schema(enumeration = {"org", "department", "project", "personal"}) Optional<String> scope,
        @Schema(maxLength = 4000) Optional<String> description,
        @Schema(maxItems = 10000, maxLength = 340, pattern = GroupRequest.MEMBER,
                description = "Tenant names or user ids, without inner spaces") Optional<List<String>> members,
        @Schema(maxItems = 1000) Optional<List<GroupGrantRequest>> grants) {
}
