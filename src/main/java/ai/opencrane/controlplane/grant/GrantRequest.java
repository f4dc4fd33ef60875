package ai.opencrane.controlplane.grant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grant listed on a catalogue entry (MCP server or skill bundle): the payload is that entry. */
@Schema(name = "GrantInput", description = "Who may (allow) or may not (deny) use the entry it is listed on.")
public record GrantRequest(
        @Schema(enumeration = {"org", "department", "project", "personal"},
                description = "A label; defaults to the entry's scope. It does not affect resolution.") String scope,
        @Schema(required = true, enumeration = {"group", "tenant", "user"}) String subjectType,
        @Schema(required = true, minLength = 1, maxLength = 320,
                description = "A tenant name, a user id (e-mail or identity-provider subject), or a group id or name "
                        + "(stored as the group's id).") String subjectId,
        @Schema(required = true, enumeration = {"allow", "deny"}) String access,
        @Schema(minimum = "-1000000", maximum = "1000000",
                description = "Higher wins; at equal priority deny wins, then the newest grant. Default 0.") Integer priority,
        @Schema(maxLength = 1000) String note) {

    public GrantSpec toSpec(String payloadType, String payloadId, String defaultScope) {
        return new GrantSpec(payloadType, payloadId, scope != null ? scope : defaultScope, subjectType,
                subjectId.trim(), access, priority != null ? priority : 0, note);
    }
}
