package ai.opencrane.controlplane.tenant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ai.opencrane.controlplane.api.Checks;

/** A change to a tenant: fields named are replaced ({@code null} clears), fields left out are kept. */
@Schema(name = "TenantUpdate")
public record TenantUpdate(
        @Schema(minLength = 1, maxLength = 256) Optional<String> displayName,
        @Schema(maxLength = 254, pattern = Checks.EMAIL, format = "email", description = "A valid e-mail address")
        Optional<String> email,
        @Schema(maxLength = 63, pattern = Checks.LABEL_VALUE, description = "A team name usable as a Kubernetes label value")
        Optional<String> team,
        @Schema(description = "Replaces all labels.") Optional<Map<String, String>> labels,
        @Schema(minimum = "0") Optional<BigDecimal> monthlyBudgetUsd,
        Optional<TenantParts.Resources> resources,
        @Schema(maxItems = 500) Optional<List<String>> skillAllowlist,
        @Schema(maxLength = 253, pattern = Checks.DNS_SUBDOMAIN, description = "The name of an AccessPolicy")
        Optional<String> policyRef,
        @Schema(maxLength = 512) Optional<String> openclawImage,
        @Schema(maxLength = 64) Optional<String> openclawVersion,
        Optional<TenantParts.McpPolicy> mcpPolicy,
        @Schema(maxItems = 32) Optional<List<TenantParts.Channel>> channels,
        Optional<JsonObject> configOverrides) {
}
