package ai.opencrane.controlplane.policy;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.Checks;

/** Parts of an access policy's spec, shared by requests and responses. */
public final class PolicyParts {

    static final String DOMAIN = "^(\\*\\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    private PolicyParts() {
    }

    @Schema(name = "PolicyTenantSelector", description = "Which tenants the policy binds when they name no policyRef.")
    public record TenantSelector(
            @Schema(description = "Labels a tenant must all carry.") Map<String, String> matchLabels,
            @Schema(maxLength = 63, pattern = Checks.LABEL_VALUE, description = "A team name usable as a Kubernetes label value")
            String matchTeam) {
    }

    @Schema(name = "PolicyDomains", description = "External domains tenants may reach; deny wins over allow.")
    public record Domains(
            @Schema(maxItems = 500, maxLength = 253, pattern = DOMAIN,
                    description = "A lower-case domain name, optionally starting with '*.'") List<String> allow,
            @Schema(maxItems = 500, maxLength = 253, pattern = DOMAIN,
                    description = "A lower-case domain name, optionally starting with '*.'") List<String> deny,
            @Schema(description = "Deny every domain not allowed (default true).") Boolean defaultDeny) {
    }

    @Schema(name = "PolicyEgressRule", description = "A CIDR tenants may reach on the given ports.")
    public record EgressRule(
            @Schema(required = true, maxLength = 18, description = "An IPv4 CIDR, e.g. 10.0.0.0/8", example = "10.0.0.0/8")
            String cidr,
            @Schema(maxItems = 64) List<Integer> ports,
            @Schema(enumeration = {"TCP", "UDP"}, description = "Default TCP.") String protocol) {
    }

    @Schema(name = "PolicyMcpServers", description = "MCP server names tenants may (allow) or may not (deny) use.")
    public record McpServers(@Schema(maxItems = 500, maxLength = 253) List<String> allow,
                             @Schema(maxItems = 500, maxLength = 253) List<String> deny) {
    }
}
