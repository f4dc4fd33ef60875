package ai.opencrane.controlplane.litellmkey;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantSpend", description = "A tenant's spend this budget period, as LiteLLM counts it for the tenant's key.")
public record TenantSpendView(
        @Schema(required = true) String tenant,
        @Schema(description = "The key's budget per period (LiteLLM max_budget); null when unlimited.") BigDecimal monthlyLimitUsd,
        @Schema(required = true) BigDecimal currentSpendUsd,
        @Schema(description = "What is left of the budget (never below 0); null when unlimited.") BigDecimal remainingBudgetUsd,
        @Schema(required = true, enumeration = {"ok", "warning", "exceeded"}) String budgetAlertState,
        @Schema(description = "When LiteLLM resets the key's spend.") Instant budgetResetAt) {
}
