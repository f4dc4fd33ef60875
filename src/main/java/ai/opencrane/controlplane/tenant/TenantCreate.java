package ai.opencrane.controlplane.tenant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.Checks;

@Schema(name = "TenantCreate", description = "A new tenant.")
public record TenantCreate(
        @Schema(required = true, maxLength = 54, pattern = Checks.DNS_LABEL,
                description = "A DNS-1123 label of at most 54 characters: lower-case letters, digits and '-'",
                example = "alice") String name,
        @Schema(required = true, minLength = 1, maxLength = 256) String displayName,
        @Schema(required = true, maxLength = 254, pattern = Checks.EMAIL, format = "email",
                description = "A valid e-mail address") String email,
        @Schema(maxLength = 63, pattern = Checks.LABEL_VALUE,
                description = "A team name usable as a Kubernetes label value") String team,
        @Schema(description = "Kubernetes labels; access policies select tenants by them.") Map<String, String> labels,
        @Schema(minimum = "0", description = "Monthly AI budget in USD.") BigDecimal monthlyBudgetUsd,
        TenantParts.Resources resources,
        @Schema(maxItems = 500) List<String> skillAllowlist,
        @Schema(maxLength = 253, pattern = Checks.DNS_SUBDOMAIN,
                description = "The name of an AccessPolicy") String policyRef,
        @Schema(maxLength = 512) String openclawImage,
        @Schema(maxLength = 64) String openclawVersion,
        TenantParts.McpPolicy mcpPolicy,
        @Schema(maxItems = 32) List<TenantParts.Channel> channels,
        @Schema(description = "OpenClaw configuration merged into the base configuration.") JsonObject configOverrides) {
}
