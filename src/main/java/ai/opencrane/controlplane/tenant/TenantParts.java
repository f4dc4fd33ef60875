package ai.opencrane.controlplane.tenant;

import java.util.List;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Parts of a tenant's spec shared by requests and responses. */
public final class TenantParts {

    static final String QUANTITY = "^([+]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

    private TenantParts() {
    }

    @Schema(name = "TenantResources", description = "Kubernetes resource quantities for the tenant's pod.")
    public record Resources(
            @Schema(maxLength = 32, pattern = QUANTITY, description = "A Kubernetes quantity, e.g. 500m or 2", example = "500m")
            String cpu,
            @Schema(maxLength = 32, pattern = QUANTITY, description = "A Kubernetes quantity, e.g. 512Mi or 4Gi", example = "4Gi")
            String memory) {
    }

    @Schema(name = "TenantMcpPolicy", description = "MCP server names this tenant may (allow) or may not (deny) use.")
    public record McpPolicy(@Schema(maxItems = 500) List<String> allow, @Schema(maxItems = 500) List<String> deny) {
    }

    @Schema(name = "TenantChannel", description = "A channel adapter (Slack, Teams, ...) for the assistant.")
    public record Channel(
            @Schema(required = true, minLength = 1, maxLength = 63, pattern = "^[a-z0-9][-a-z0-9]*$",
                    description = "An adapter id: lower-case letters, digits and '-'") String adapter,
            @Schema(description = "Adapter-specific settings; never secrets (use credentialsSecretName).") JsonObject config,
            @Schema(maxLength = 253, pattern = ai.opencrane.controlplane.api.Checks.DNS_SUBDOMAIN,
                    description = "The name of a Kubernetes Secret") String credentialsSecretName) {
    }
}
