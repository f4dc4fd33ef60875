package ai.opencrane.controlplane.litellmkey;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LiteLlmKey", description = "What the control plane knows of a tenant's LiteLLM virtual key; never the key.")
public record KeyView(
        @Schema(required = true) String tenant,
        @Schema(required = true, description = "The key's alias in LiteLLM, opencrane-<tenant>.") String keyAlias,
        @Schema(required = true, description = "The Kubernetes Secret holding the key (data.apiKey).") String secretName,
        @Schema(description = "The key's monthly budget in LiteLLM (max_budget, reset monthly).") BigDecimal monthlyBudgetUsd,
        @Schema(required = true, enumeration = {"issuing", "active", "revoked"}) String state,
        @Schema(required = true, description = "Blocked in LiteLLM while the global budget is exceeded.") boolean blocked,
        Instant issuedAt,
        Instant revokedAt) {
}
