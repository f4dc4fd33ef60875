package ai.opencrane.controlplane.testkit.litellm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.json.JsonObject;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Res;

/** What the integration tests ask about a tenant's virtual key: its Secret, its row, and calls made with it. */
public final class TenantKeys {

    private TenantKeys() {
    }

    public static String alias(String tenant) {
        return "opencrane-" + tenant;
    }

    public static String secretName(String tenant) {
        return "openclaw-" + tenant + "-litellm-key";
    }

    /** The tenant's key Secret in the Kubernetes test server, or null. */
    public static JsonObject secret(String tenant) {
        return ControlPlane.kube().get("v1", "secrets", ControlPlane.NAMESPACE, secretName(tenant));
    }

    /** The key in the tenant's Secret ({@code data.apiKey}), or null when there is no Secret. */
    public static String apiKey(String tenant) {
        JsonObject s = secret(tenant);
        return s == null ? null
                : new String(Base64.getDecoder().decode(s.getJsonObject("data").getString("apiKey")), StandardCharsets.UTF_8);
    }

    /** The tenant's issuing or active key row (state, key_hash, monthly_budget_usd, user_id, blocked), or null. */
    public static Map<String, Object> liveRow(String tenant) {
        List<Map<String, Object>> rows = ControlPlane.db().rows("SELECT id, state, key_hash, monthly_budget_usd::text AS budget, "
                + "user_id, blocked FROM tenant_litellm_keys WHERE tenant = ? AND state <> 'revoked'", tenant);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A chat completion through the LiteLLM double with {@code key}. */
    public static Res chat(String key, String model) {
        return new Api(ControlPlane.litellm().url(), key).post("/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    /** Waits until the tenant has an active key whose Secret holds it. */
    public static String awaitActiveKey(String tenant, int seconds) {
        await("an active key in its Secret for " + tenant, seconds, () -> {
            Map<String, Object> row = liveRow(tenant);
            String key = apiKey(tenant);
            return row != null && "active".equals(row.get("state")) && key != null
                    && LiteLlmTestServer.hash(key).equals(row.get("key_hash"));
        });
        return apiKey(tenant);
    }

    public static void await(String what, int seconds, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }

    /** A tenant create body with its own e-mail (the account its key belongs to) and budget. */
    public static String tenantBody(String name, String email, String budget) {
        return """
                {"name":"%s","displayName":"Key Test","email":"%s","team":"research"%s}
                """.formatted(name, email, budget == null ? "" : ",\"monthlyBudgetUsd\":" + budget);
    }
}
