package ai.opencrane.controlplane.litellmkey;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.kube.Objects;

/**
 * What a tenant's key should look like: its budget (the tenant's {@code monthlyBudgetUsd}, else the configured
 * default) and the LiteLLM user (account) it belongs to, the tenant's e-mail in lower case.
 */
record KeyTarget(String tenant, String uid, String userId, BigDecimal monthlyBudgetUsd) {

    static KeyTarget of(JsonObject tenantResource, BigDecimal defaultBudget) {
        JsonObject spec = Objects.spec(tenantResource);
        JsonValue budget = spec.get("monthlyBudgetUsd");
        return new KeyTarget(Objects.name(tenantResource), Objects.uid(tenantResource), user(spec.getString("email", null)),
                budget instanceof jakarta.json.JsonNumber n ? n.bigDecimalValue() : defaultBudget);
    }

    static KeyTarget of(String tenant, String uid, String email, String budget, BigDecimal defaultBudget) {
        return new KeyTarget(tenant, uid, user(email), budget == null ? defaultBudget : new BigDecimal(budget));
    }

    static String user(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the key's row already matches this target (budget and user). */
    boolean matches(TenantKey key) {
        boolean sameBudget = key.monthlyBudgetUsd != null && key.monthlyBudgetUsd.compareTo(monthlyBudgetUsd) == 0;
        return sameBudget && java.util.Objects.equals(key.userId, userId);
    }

    String alias() {
        return "opencrane-" + tenant;
    }

    String secretName() {
        return "openclaw-" + tenant + "-litellm-key";
    }
}
