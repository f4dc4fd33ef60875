package ai.opencrane.controlplane.budget;

import java.math.BigDecimal;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The global ceiling: a number sets it, {@code null} removes it, absent keeps it. */
@Schema(name = "GlobalBudgetUpdate")
public record GlobalBudgetUpdate(
        @Schema(minimum = "0", maximum = "1000000000", description = "Monthly ceiling in USD for all tenants together; null removes it.")
        Optional<BigDecimal> monthlyLimitUsd) {
}
