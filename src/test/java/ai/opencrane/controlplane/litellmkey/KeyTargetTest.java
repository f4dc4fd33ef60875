package ai.opencrane.controlplane.litellmkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class KeyTargetTest {

    private static final BigDecimal DEFAULT = new BigDecimal("50");

    @Test
    void aTenantsBudgetElseTheDefaultAndItsLowerCaseEmailAsAccount() {
        KeyTarget t = KeyTarget.of(Json.createReader(new StringReader("""
                {"metadata":{"name":"alice","uid":"u-1"},"spec":{"email":"Alice@Example.COM","monthlyBudgetUsd":25.5}}""")).readObject(),
                DEFAULT);
        assertEquals(new KeyTarget("alice", "u-1", "alice@example.com", new BigDecimal("25.5")), t);
        assertEquals("opencrane-alice", t.alias());
        assertEquals("openclaw-alice-litellm-key", t.secretName());
        assertEquals(DEFAULT, KeyTarget.of("bob", null, "bob@example.com", null, DEFAULT).monthlyBudgetUsd());
    }

    @Test
    void aKeyMatchesWhenBudgetAndUserAreEqualWhateverTheScale() {
        KeyTarget t = KeyTarget.of("alice", null, "alice@example.com", "25.5", DEFAULT);
        TenantKey k = new TenantKey();
        k.userId = "alice@example.com";
        k.monthlyBudgetUsd = new BigDecimal("25.500000");
        assertTrue(t.matches(k));
        k.userId = "other@example.com";
        assertFalse(t.matches(k));
        k.userId = "alice@example.com";
        k.monthlyBudgetUsd = null;
        assertFalse(t.matches(k));
    }
}
