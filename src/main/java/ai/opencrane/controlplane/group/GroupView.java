package ai.opencrane.controlplane.group;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantView;

@Schema(name = "Group")
public record GroupView(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"org", "department", "project", "personal"}) String scope,
        String description,
        @Schema(required = true, description = "Tenant names and user ids, sorted.") List<String> members,
        @Schema(required = true) int memberCount,
        @Schema(required = true, description = "Grants listed on this group, for any payload family.")
        List<GrantView> grants,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static GroupView of(Group g, List<String> members, List<GrantView> grants) {
        return new GroupView(g.id, g.name, g.scope, g.description, members, members.size(), grants, g.createdAt,
                g.updatedAt);
    }
}
