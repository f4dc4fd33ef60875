package ai.opencrane.controlplane.budget;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccountBudgetUpdate")
public record AccountBudgetUpdate(
        @Schema(required = true, minimum = "0", maximum = "1000000000", description = "Monthly ceiling in USD for the account.")
        BigDecimal monthlyLimitUsd) {
}
