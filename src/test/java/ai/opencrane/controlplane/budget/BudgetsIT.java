package ai.opencrane.controlplane.budget;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.alias;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.await;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.awaitActiveKey;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.chat;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.liveRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.litellm.LiteLlmTestServer;
import ai.opencrane.controlplane.testkit.litellm.TenantKeys;

/** The global and per-account budgets: round trips, validation, LiteLLM users, alert states and enforcement. */
class BudgetsIT {

    private static final String GLOBAL = "/api/v1/ai-budget/global";
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final LiteLlmTestServer litellm = ControlPlane.litellm();

    @AfterEach
    void heal() {
        litellm.clearFaults();
        litellm.startListening();
    }

    private static String account(String userId) {
        return "/api/v1/ai-budget/accounts/" + userId;
    }

    @Test
    void theGlobalBudgetRoundTripsWithETagsValidationAndAudit() {
        long audits = db.count("SELECT count(*) FROM audit_log WHERE resource = 'Budget/global'");
        Res put = api.put(GLOBAL, "{\"monthlyLimitUsd\":1000000}");
        assertEquals(200, put.status(), put.body());
        assertEquals(1000000, put.json().getInt("monthlyLimitUsd"));
        assertEquals("ok", put.json().getString("budgetAlertState"));
        assertTrue(put.json().getJsonNumber("currentSpendUsd").bigDecimalValue().signum() >= 0);
        Res get = api.get(GLOBAL);
        assertEquals(put.body(), get.body());
        assertEquals(put.header("ETag"), get.header("ETag"));

        Res stale = api.request("PUT", GLOBAL).header("If-Match", "\"0\"").json("{\"monthlyLimitUsd\":5}").send();
        assertEnvelope(stale, 412, "PRECONDITION_FAILED");
        Res matching = api.request("PUT", GLOBAL).header("If-Match", get.header("ETag")).json("{\"monthlyLimitUsd\":999999.5}").send();
        assertEquals(200, matching.status(), matching.body());
        assertEquals(new BigDecimal("999999.5"), matching.json().getJsonNumber("monthlyLimitUsd").bigDecimalValue());

        for (String bad : new String[] {"{\"monthlyLimitUsd\":-1}", "{\"monthlyLimitUsd\":\"ten\"}", "{\"limit\":5}",
                "{\"monthlyLimitUsd\":1.1234567}"}) {
            Res r = api.put(GLOBAL, bad);
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertFalse(r.json().getJsonObject("detail").getJsonObject("fields").isEmpty(), bad);
        }

        Res removed = api.put(GLOBAL, "{\"monthlyLimitUsd\":null}");
        assertEquals(200, removed.status());
        assertFalse(removed.json().containsKey("monthlyLimitUsd"), "no ceiling (null fields are left out)");
        assertEquals("ok", removed.json().getString("budgetAlertState"));
        assertFalse(api.put(GLOBAL, "{}").json().containsKey("monthlyLimitUsd"), "an absent field keeps the value");
        assertEquals(audits + 3, db.count("SELECT count(*) FROM audit_log WHERE resource = 'Budget/global'"));
    }

    @Test
    void anAccountBudgetIsTheLiteLlmUsersMaxBudget() {
        String user = unique("acct") + "@example.com";
        Res put = api.put(account(user), "{\"monthlyLimitUsd\":20}");
        assertEquals(200, put.status(), put.body());
        JsonObject a = put.json();
        assertEquals(user, a.getString("userId"));
        assertEquals(20, a.getInt("monthlyLimitUsd"));
        assertEquals(0, a.getInt("currentSpendUsd"));
        assertEquals("ok", a.getString("budgetAlertState"));
        assertEquals("\"1\"", put.header("ETag"));
        JsonObject inLiteLlm = litellm.user(user);
        assertEquals(20, inLiteLlm.getInt("max_budget"));
        assertEquals("1mo", inLiteLlm.getString("budget_duration"));

        assertEnvelope(api.request("PUT", account(user)).header("If-Match", "\"7\"").json("{\"monthlyLimitUsd\":30}").send(),
                412, "PRECONDITION_FAILED");
        Res again = api.request("PUT", account(user)).header("If-Match", "\"1\"").json("{\"monthlyLimitUsd\":30}").send();
        assertEquals(200, again.status(), again.body());
        assertEquals("\"2\"", again.header("ETag"));
        assertEquals(30, litellm.user(user).getInt("max_budget"));

        assertEnvelope(api.put(account(user), "{\"monthlyLimitUsd\":-5}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put(account(user), "{}"), 400, "VALIDATION_ERROR");
        assertEquals(30, litellm.user(user).getInt("max_budget"), "a rejected body changes nothing");

        assertEquals(204, api.delete(account(user)).status());
        assertEquals(JsonValue.ValueType.NULL, litellm.user(user).get("max_budget").getValueType(), "the ceiling is gone in LiteLLM");
        assertEnvelope(api.delete(account(user)), 404, "BUDGET_NOT_FOUND");
        var audit = db.rows("SELECT action, actor FROM audit_log WHERE resource = ? ORDER BY id", "AccountBudget/" + user);
        assertEquals(3, audit.size());
        assertEquals("AccountBudgetUpdated", audit.get(0).get("action"));
        assertEquals("AccountBudgetDeleted", audit.get(2).get("action"));
        assertEquals("static-token", audit.get(2).get("actor"));
    }

    @Test
    void accountsAreListedInPages() {
        String prefix = unique("page");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.put(account(prefix + "-" + i), "{\"monthlyLimitUsd\":" + (i + 1) + "}").status());
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Res r = api.get("/api/v1/ai-budget/accounts?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            r.data().forEach(v -> assertTrue(seen.add(v.asJsonObject().getString("userId"))));
            JsonObject p = r.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 1000);
        for (int i = 0; i < 3; i++) {
            assertTrue(seen.contains(prefix + "-" + i));
        }
        assertEnvelope(api.get("/api/v1/ai-budget/accounts?cursor=nope"), 400, "VALIDATION_ERROR");
    }

    @Test
    void accountChangesFailWholeWhenLiteLlmOrTheDatabaseFails() {
        String user = unique("afail") + "@example.com";
        litellm.stopListening();
        assertEnvelope(api.put(account(user), "{\"monthlyLimitUsd\":5}"), 502, "UPSTREAM_ERROR");
        litellm.startListening();
        litellm.failNext("/user/new", 500, 1);
        assertEnvelope(api.put(account(user), "{\"monthlyLimitUsd\":5}"), 502, "UPSTREAM_ERROR");
        litellm.delayNext("/user/info", 3000, 1);
        assertEnvelope(api.put(account(user), "{\"monthlyLimitUsd\":5}"), 504, "TIMEOUT");
        assertEquals(0, db.count("SELECT count(*) FROM budget_accounts WHERE user_id = ?", user));

        db.update("""
                CREATE OR REPLACE FUNCTION it_reject_account() RETURNS trigger AS $$
                BEGIN IF NEW.user_id LIKE 'afail-%' THEN RAISE EXCEPTION 'rejected for the test'; END IF; RETURN NEW; END
                $$ LANGUAGE plpgsql""");
        db.update("DROP TRIGGER IF EXISTS it_reject_account ON budget_accounts");
        db.update("CREATE TRIGGER it_reject_account BEFORE INSERT ON budget_accounts FOR EACH ROW EXECUTE FUNCTION it_reject_account()");
        try {
            Res r = api.put(account(user), "{\"monthlyLimitUsd\":5}");
            assertTrue(r.status() >= 400, r.body());
            assertFalse(r.body().contains("rejected for the test"));
        } finally {
            db.update("DROP TRIGGER IF EXISTS it_reject_account ON budget_accounts");
        }
        assertEquals(0, db.count("SELECT count(*) FROM budget_accounts WHERE user_id = ?", user));
        JsonObject restored = litellm.user(user);
        assertEquals(JsonValue.ValueType.NULL, restored.get("max_budget").getValueType(),
                "LiteLLM got the previous value (no ceiling) back");
        assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE resource = ?", "AccountBudget/" + user));
    }

    @Test
    void anAccountsSpendIsCountedAcrossItsTenantsKeysAndLiteLlmEnforcesItsCeiling() {
        String user = unique("carol") + "@example.com";
        assertEquals(200, api.put(account(user), "{\"monthlyLimitUsd\":0.005}").status());
        String name = unique("acctkey");
        assertEquals(201, api.post("/api/v1/tenants", TenantKeys.tenantBody(name, user, "10")).status());
        String key = awaitActiveKey(name, 15);
        assertEquals(user, litellm.keyByAlias(alias(name)).getString("user_id"));
        assertEquals(200, chat(key, "gpt-4o-mini").status());
        assertEquals(200, chat(key, "gpt-4o-mini").status());
        await("the account's spend synced", 15, () -> new BigDecimal("0.004").compareTo(accountView(user)
                .getJsonNumber("currentSpendUsd").bigDecimalValue()) == 0);
        assertEquals("warning", accountView(user).getString("budgetAlertState"));
        assertEquals(200, chat(key, "gpt-4o-mini").status());
        Res refused = chat(key, "gpt-4o-mini");
        assertEquals(400, refused.status(), "LiteLLM refuses the account's keys above its ceiling");
        assertTrue(refused.body().contains("budget_exceeded"));
    }

    private JsonObject accountView(String user) {
        String cursor = null;
        do {
            Res r = api.get("/api/v1/ai-budget/accounts?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonValue v : r.data()) {
                if (v.asJsonObject().getString("userId").equals(user)) {
                    return v.asJsonObject();
                }
            }
            JsonObject p = r.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
        } while (cursor != null);
        throw new AssertionError("account " + user + " not listed");
    }

    @Test
    void anExceededGlobalBudgetBlocksTheTenantsKeysUntilItAllowsSpendingAgain() {
        String name = unique("glob");
        assertEquals(201, api.post("/api/v1/tenants", TenantKeys.tenantBody(name, "glob@example.com", null)).status());
        String key = awaitActiveKey(name, 15);
        try {
            Res exceeded = api.put(GLOBAL, "{\"monthlyLimitUsd\":0}");
            assertEquals("exceeded", exceeded.json().getString("budgetAlertState"));
            await("the key blocked", 15, () -> Boolean.TRUE.equals(liveRow(name).get("blocked")));
            assertEquals(401, chat(key, "gpt-4o-mini").status(), "LiteLLM refuses a blocked key");
            assertTrue(api.get("/api/v1/ai-budget/" + name + "/litellm-key").json().getBoolean("blocked"));
        } finally {
            api.put(GLOBAL, "{\"monthlyLimitUsd\":null}");
        }
        await("the key unblocked", 15, () -> Boolean.FALSE.equals(liveRow(name).get("blocked")));
        assertEquals(200, chat(key, "gpt-4o-mini").status());
        var audit = db.rows("SELECT action, actor FROM audit_log WHERE resource = ? AND action IN ('LiteLLMKeyBlocked', 'LiteLLMKeyUnblocked') ORDER BY id",
                "LiteLLMKey/" + name);
        assertEquals("LiteLLMKeyBlocked", audit.get(0).get("action"));
        assertEquals("LiteLLMKeyUnblocked", audit.get(audit.size() - 1).get("action"));
        assertEquals("system:litellm-reconciler", audit.get(0).get("actor"));
    }
}
