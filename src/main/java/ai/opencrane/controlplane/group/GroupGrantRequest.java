package ai.opencrane.controlplane.group;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.grant.GrantSpec;

/**
 * A grant listed on a group. It applies to the group's members unless it names another subject; the payload
 * is any family: awareness (a free id, default {@code awareness/default}), an MCP server or a skill bundle.
 */
@Schema(name = "GroupGrantInput")
public record GroupGrantRequest(
        @Schema(required = true, enumeration = {"awareness", "mcp-server", "skill-bundle"}) String payloadType,
        @Schema(maxLength = 200, pattern = "[A-Za-z0-9][A-Za-z0-9._:/-]*",
                description = "An id of letters, digits and . _ : / - (the MCP server or skill bundle id; "
                        + "for awareness, default awareness/default)") String payloadId,
        @Schema(enumeration = {"org", "department", "project", "personal"},
                description = "A label; defaults to the group's scope.") String scope,
        @Schema(enumeration = {"group", "tenant", "user"}, description = "Default: this group.") String subjectType,
        @Schema(minLength = 1, maxLength = 320, description = "Default: this group's id.") String subjectId,
        @Schema(required = true, enumeration = {"allow", "deny"}) String access,
        @Schema(minimum = "-1000000", maximum = "1000000", description = "Default 0.") Integer priority,
        @Schema(maxLength = 1000) String note) {

    static final String DEFAULT_AWARENESS = "awareness/default";

    /** The grant with defaults applied, or null with the problem recorded in {@code errors}. */
    GrantSpec toSpec(String path, String groupId, String groupScope, Map<String, String> errors) {
        String payload = payloadId;
        if (payload == null) {
            if (!GrantSpec.AWARENESS.equals(payloadType)) {
                errors.put(path + ".payloadId", "is required for " + payloadType + " grants");
                return null;
            }
            payload = DEFAULT_AWARENESS;
        }
        String type = subjectType != null ? subjectType : GrantSpec.GROUP;
        String subject = subjectId != null ? subjectId.trim() : null;
        if (subject == null) {
            if (subjectType != null && !GrantSpec.GROUP.equals(subjectType)) {
                errors.put(path + ".subjectId", "is required for " + subjectType + " subjects");
                return null;
            }
            subject = groupId;
        } else if (subjectType == null) {
            errors.put(path + ".subjectType", "is required with subjectId");
            return null;
        }
        return new GrantSpec(payloadType, payload, scope != null ? scope : groupScope, type, subject, access,
                priority != null ? priority : 0, note);
    }
}
