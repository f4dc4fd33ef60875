package ai.opencrane.controlplane.budget;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccountBudget", description = "A user account's monthly ceiling (the LiteLLM user's max_budget) and its spend this month.")
public record AccountBudgetView(
        @Schema(required = true, description = "The account: a LiteLLM user id; tenants' keys belong to the lower-case e-mail of the tenant.")
        String userId,
        @Schema(required = true) BigDecimal monthlyLimitUsd,
        @Schema(required = true, description = "Spend this month (UTC) from the synced LiteLLM spend logs.") BigDecimal currentSpendUsd,
        @Schema(required = true, enumeration = {"ok", "warning", "exceeded"}) String budgetAlertState,
        @Schema(required = true) Instant updatedAt) {
}
