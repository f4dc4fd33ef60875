package ai.opencrane.controlplane.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class BudgetAlertsTest {

    private static final BigDecimal SHARE = new BigDecimal("0.8");

    private static String state(String limit, String spend) {
        return BudgetAlerts.state(limit == null ? null : new BigDecimal(limit), new BigDecimal(spend), SHARE);
    }

    @Test
    void withoutALimitEverythingIsOk() {
        assertEquals("ok", state(null, "1000000"));
    }

    @Test
    void warningFromTheShareExceededFromTheLimitItself() {
        assertEquals("ok", state("100", "79.99"));
        assertEquals("warning", state("100", "80"));
        assertEquals("warning", state("100", "99.999999"));
        assertEquals("exceeded", state("100", "100"));
        assertEquals("exceeded", state("100", "250"));
    }

    @Test
    void aZeroLimitIsUsedUpAtOnceAsInLiteLlm() {
        assertEquals("exceeded", state("0", "0"));
    }

    @Test
    void theShareIsClampedToZeroToOne() {
        assertEquals("warning", BudgetAlerts.state(new BigDecimal("10"), BigDecimal.ZERO, new BigDecimal("-1")));
        assertEquals("ok", BudgetAlerts.state(new BigDecimal("10"), new BigDecimal("9.9"), new BigDecimal("7")));
        assertEquals("ok", BudgetAlerts.state(new BigDecimal("10"), null, SHARE));
    }
}
