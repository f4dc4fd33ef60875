package ai.opencrane.controlplane.budget;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Budget", description = "A monthly spend ceiling and this calendar month's spend (UTC) against it.")
public record BudgetView(
        @Schema(description = "The ceiling in USD; null when none is set.") BigDecimal monthlyLimitUsd,
        @Schema(required = true, description = "Spend this month from the synced LiteLLM spend logs.") BigDecimal currentSpendUsd,
        @Schema(required = true, enumeration = {"ok", "warning", "exceeded"}) String budgetAlertState) {
}
