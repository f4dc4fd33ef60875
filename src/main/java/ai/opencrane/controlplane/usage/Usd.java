package ai.opencrane.controlplane.usage;

import java.math.BigDecimal;

/** Dollar amounts as responses show them: the value PostgreSQL holds, without the column's trailing zeros. */
public final class Usd {

    private Usd() {
    }

    public static BigDecimal clean(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
