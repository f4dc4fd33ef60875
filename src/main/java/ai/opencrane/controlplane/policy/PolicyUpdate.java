package ai.opencrane.controlplane.policy;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to a policy: fields named are replaced ({@code null} clears), fields left out are kept. */
@Schema(name = "PolicyUpdate")
public record PolicyUpdate(
        @Schema(maxLength = 1024) Optional<String> description,
        Optional<PolicyParts.TenantSelector> tenantSelector,
        Optional<PolicyParts.Domains> domains,
        @Schema(maxItems = 100) Optional<List<PolicyParts.EgressRule>> egressRules,
        Optional<PolicyParts.McpServers> mcpServers) {
}
