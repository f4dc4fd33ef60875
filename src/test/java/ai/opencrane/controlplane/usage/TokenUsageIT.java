package ai.opencrane.controlplane.usage;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.alias;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.await;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.awaitActiveKey;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.litellm.LiteLlmTestServer;

/** LiteLLM's spend logs copied into PostgreSQL by the leader, once per request, and read through /token-usage. */
class TokenUsageIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final LiteLlmTestServer litellm = ControlPlane.litellm();

    @AfterEach
    void heal() {
        litellm.clearFaults();
    }

    /** Waits until {@code n} more complete sync passes have asked LiteLLM for spend logs. */
    private void awaitSyncPasses(int n) {
        int start = litellm.requests("/spend/logs").size();
        await(n + " sync passes", 30, () -> litellm.requests("/spend/logs").size() >= start + n + 1);
    }

    private String tenantWithKey() {
        String name = unique("usage");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        awaitActiveKey(name, 15);
        return name;
    }

    @Test
    void eachSpendLogEntryIsStoredOnceHoweverOftenTheSyncRuns() {
        String name = tenantWithKey();
        String key = ai.opencrane.controlplane.testkit.litellm.TenantKeys.apiKey(name);
        String model = unique("model");
        List<String> ids = new ArrayList<>();
        ids.add(chat(key, model).json().getString("id"));
        ids.add(chat(key, model).json().getString("id"));
        ids.add(litellm.addSpendLog(null, model, 7, 9, new BigDecimal("0.5"), Instant.now().minus(1, ChronoUnit.HOURS)));
        String in = "request_id IN ('" + String.join("','", ids) + "')";

        awaitSyncPasses(2);
        assertEquals(3, db.count("SELECT count(*) FROM token_usage WHERE " + in));
        awaitSyncPasses(2);
        assertEquals(3, db.count("SELECT count(*) FROM token_usage WHERE " + in), "a second and third pass store nothing new");
        assertEquals(2, db.count("SELECT count(*) FROM token_usage WHERE " + in + " AND tenant = ? AND user_id = 'alice@example.com'", name));

        Res r = api.get("/api/v1/token-usage?tenant=" + name);
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.data().size());
        JsonObject u = r.data().getJsonObject(0);
        assertEquals(name, u.getString("tenant"));
        assertEquals(model, u.getString("model"));
        assertTrue(u.getJsonNumber("inputTokens").longValue() > 0);
        assertEquals(20, u.getJsonNumber("outputTokens").longValue());
        assertEquals(new BigDecimal("0.002"), u.getJsonNumber("totalCostUsd").bigDecimalValue());
        Instant.parse(u.getString("recordedAt"));
        assertEquals(100, r.json().getJsonObject("pagination").getInt("limit"));

        Res other = api.get("/api/v1/token-usage?model=" + model);
        assertEquals(3, other.data().size());
        assertTrue(other.data().stream().anyMatch(v -> !v.asJsonObject().containsKey("tenant")), "usage of keys it did not issue has no tenant");
    }

    @Test
    void usageIsFilteredByModelAndTimeAndPagedNewestFirst() {
        String name = tenantWithKey();
        String m1 = unique("m1");
        String m2 = unique("m2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        litellm.addSpendLog(alias(name), m1, 1, 1, new BigDecimal("0.01"), now.minus(3, ChronoUnit.HOURS));
        litellm.addSpendLog(alias(name), m1, 2, 2, new BigDecimal("0.02"), now.minus(2, ChronoUnit.HOURS));
        litellm.addSpendLog(alias(name), m2, 3, 3, new BigDecimal("0.03"), now.minus(1, ChronoUnit.HOURS));
        await("synced", 15, () -> db.count("SELECT count(*) FROM token_usage WHERE tenant = ?", name) == 3);

        assertEquals(2, api.get("/api/v1/token-usage?tenant=" + name + "&model=" + m1).data().size());
        Res window = api.get("/api/v1/token-usage?tenant=" + name + "&from=" + now.minus(150, ChronoUnit.MINUTES)
                + "&to=" + now.minus(1, ChronoUnit.HOURS));
        assertEquals(1, window.data().size(), "from inclusive, to exclusive");
        assertEquals(2, window.data().getJsonObject(0).getInt("inputTokens"));

        List<Integer> order = new ArrayList<>();
        String cursor = null;
        do {
            Res page = api.get("/api/v1/token-usage?tenant=" + name + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.body());
            page.data().forEach(v -> order.add(v.asJsonObject().getInt("inputTokens")));
            JsonObject p = page.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
        } while (cursor != null);
        assertEquals(List.of(3, 2, 1), order);

        Res bad = api.get("/api/v1/token-usage?from=yesterday");
        assertEnvelope(bad, 400, "VALIDATION_ERROR");
        assertTrue(bad.json().getJsonObject("detail").getJsonObject("fields").containsKey("from"));
        assertEnvelope(api.get("/api/v1/token-usage?from=2026-02-01&to=2026-01-01"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get("/api/v1/token-usage?limit=0"), 400, "VALIDATION_ERROR");
        assertEquals(JsonValue.ValueType.ARRAY, api.get("/api/v1/token-usage?from=2026-01-01").json().get("data").getValueType());
    }

    @Test
    void aFailingSyncStoresNothingAndTheNextPassCatchesUp() {
        String model = unique("late");
        litellm.failNext("/spend/logs", 500, 3);
        String id = litellm.addSpendLog(null, model, 1, 1, new BigDecimal("0.1"), Instant.now());
        await("the failures served", 20, () -> litellm.requests("/spend/logs").stream().count() > 0
                && db.count("SELECT count(*) FROM token_usage WHERE request_id = ?", id) == 1);
        assertEquals(1, api.get("/api/v1/token-usage?model=" + model).data().size());
    }
}
