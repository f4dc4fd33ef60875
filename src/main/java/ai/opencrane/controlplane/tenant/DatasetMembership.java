package ai.opencrane.controlplane.tenant;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The knowledge datasets a tenant's assistant may retrieve from, by scope. */
@Schema(name = "DatasetMembership")
public record DatasetMembership(
        @Schema(required = true, maxItems = 1, description = "Only \"default\" (the organisation's dataset).") List<String> org,
        @Schema(required = true, maxItems = 100, maxLength = 253, description = "Team datasets; only the tenant's own team.") List<String> team,
        @Schema(required = true, maxItems = 500, maxLength = 253) List<String> project,
        @Schema(required = true, maxItems = 100, maxLength = 253, description = "Personal datasets; only the tenant's own name.") List<String> personal) {
}
