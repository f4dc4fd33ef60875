package ai.opencrane.controlplane.usage;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenUsage", description = "One request a tenant's assistant made through LiteLLM.")
public record TokenUsageView(
        @Schema(description = "The tenant whose virtual key made the request; null for keys the control plane did not issue.")
        String tenant,
        @Schema(required = true, description = "The model the request asked for (LiteLLM's model group).") String model,
        @Schema(required = true) long inputTokens,
        @Schema(required = true) long outputTokens,
        @Schema(required = true, description = "LiteLLM's cost of the request in USD.") BigDecimal totalCostUsd,
        @Schema(required = true, description = "When the request started.") Instant recordedAt) {
}
