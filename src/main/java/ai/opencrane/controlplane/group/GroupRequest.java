package ai.opencrane.controlplane.group;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.Vocabulary;

/** {@code POST /groups}. */
@Schema(name = "GroupInput")
public record GroupRequest(
        @Schema(required = true, minLength = 1, maxLength = 200, pattern = Vocabulary.NAME,
                description = Vocabulary.NAME_RULE) String name,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        @Schema(maxLength = 4000) String description,
        @Schema(maxItems = 10000, maxLength = 340, pattern = GroupRequest.MEMBER,
                description = "Tenant names or user ids, without inner spaces; trimmed, de-duplicated and sorted")
        List<String> members,
        @Schema(maxItems = 1000) List<GroupGrantRequest> grants) {

    static final String MEMBER = "\\s*[^\\s\\p{Cntrl}]{1,320}\\s*";
}
