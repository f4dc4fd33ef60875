package ai.opencrane.controlplane.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.Checks;

@Schema(name = "PolicyCreate", description = "A new access policy.")
public record PolicyCreate(
        @Schema(required = true, maxLength = 63, pattern = Checks.DNS_LABEL,
                description = "A DNS-1123 label: lower-case letters, digits and '-'", example = "engineering")
        String name,
        @Schema(maxLength = 1024) String description,
        PolicyParts.TenantSelector tenantSelector,
        PolicyParts.Domains domains,
        @Schema(maxItems = 100) List<PolicyParts.EgressRule> egressRules,
        PolicyParts.McpServers mcpServers) {
}
