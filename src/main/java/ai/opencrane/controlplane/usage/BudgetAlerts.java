package ai.opencrane.controlplane.usage;

import java.math.BigDecimal;

/**
 * A budget's alert state, with LiteLLM's own rule for when a budget is used up (spend at or above the limit, so a
 * limit of 0 allows nothing): {@code exceeded} then, {@code warning} from the configured share of the limit on,
 * {@code ok} below it or without a limit.
 */
public final class BudgetAlerts {

    public static final String OK = "ok";
    public static final String WARNING = "warning";
    public static final String EXCEEDED = "exceeded";

    private BudgetAlerts() {
    }

    public static String state(BigDecimal limit, BigDecimal spend, BigDecimal warningShare) {
        if (limit == null) {
            return OK;
        }
        BigDecimal s = spend == null ? BigDecimal.ZERO : spend;
        if (s.compareTo(limit) >= 0) {
            return EXCEEDED;
        }
        BigDecimal share = warningShare.max(BigDecimal.ZERO).min(BigDecimal.ONE);
        return s.compareTo(limit.multiply(share)) >= 0 ? WARNING : OK;
    }
}
