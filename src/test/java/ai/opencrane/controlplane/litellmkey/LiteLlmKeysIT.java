package ai.opencrane.controlplane.litellmkey;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.alias;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.apiKey;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.await;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.awaitActiveKey;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.chat;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.liveRow;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.secret;
import static ai.opencrane.controlplane.testkit.litellm.TenantKeys.secretName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.kube.KubeTestServer;
import ai.opencrane.controlplane.testkit.litellm.LiteLlmTestServer;

/** Tenants' LiteLLM virtual keys: issued on creation, kept in step with the tenant, revoked for real. */
class LiteLlmKeysIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final KubeTestServer kube = ControlPlane.kube();
    private final LiteLlmTestServer litellm = ControlPlane.litellm();

    @AfterEach
    void heal() {
        litellm.clearFaults();
        litellm.startListening();
        kube.clearFaults();
        kube.startListening();
    }

    private String tenant(String prefix) {
        String name = unique(prefix);
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        return name;
    }

    private String keyPath(String tenant) {
        return "/api/v1/ai-budget/" + tenant + "/litellm-key";
    }

    /** No key was lost on the way: every key LiteLLM generated for the tenant but one was deleted again. */
    private void assertNoLeakedKeys(String tenant) {
        String key = awaitActiveKey(tenant, 15);
        String alias = alias(tenant);
        assertEquals(1, litellm.keyCount(alias));
        assertEquals(litellm.generatedCount(alias) - 1, litellm.deletedCount(alias));
        assertEquals(LiteLlmTestServer.hash(key), litellm.keyByAlias(alias).getString("token"));
        assertEquals(0, db.count("SELECT count(*) FROM tenant_litellm_keys WHERE tenant = ? AND state = 'issuing'", tenant));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyIssued'",
                "LiteLLMKey/" + tenant));
    }

    @Test
    void creatingATenantIssuesAKeyIntoTheSecretItsPodMounts() {
        String name = tenant("key");
        String key = apiKey(name);
        assertNotNull(key, "the Secret exists once the tenant is created");
        JsonObject s = secret(name);
        JsonObject meta = s.getJsonObject("metadata");
        assertEquals("opencrane-control-plane", meta.getJsonObject("labels").getString("app.kubernetes.io/managed-by"));
        assertEquals(name, meta.getJsonObject("labels").getString("opencrane.io/tenant"));
        JsonObject annotations = meta.getJsonObject("annotations");
        assertEquals(alias(name), annotations.getString("opencrane.io/litellm-key-alias"));
        assertEquals("25.5", annotations.getString("opencrane.io/litellm-monthly-budget-usd"));
        Instant.parse(annotations.getString("opencrane.io/litellm-issued-at"));
        assertEquals("Tenant", meta.getJsonArray("ownerReferences").getJsonObject(0).getString("kind"));

        Map<String, Object> row = liveRow(name);
        assertEquals("active", row.get("state"));
        assertEquals(LiteLlmTestServer.hash(key), row.get("key_hash"));
        assertEquals("alice@example.com", row.get("user_id"));

        JsonObject inLiteLlm = litellm.keyByAlias(alias(name));
        assertEquals(LiteLlmTestServer.hash(key), inLiteLlm.getString("token"));
        assertEquals(0, new BigDecimal("25.5").compareTo(inLiteLlm.getJsonNumber("max_budget").bigDecimalValue()));
        assertEquals("1mo", inLiteLlm.getString("budget_duration"));
        assertEquals(name, inLiteLlm.getJsonObject("metadata").getString("tenant"));
        assertEquals("alice@example.com", inLiteLlm.getString("user_id"));
        assertNotNull(litellm.user("alice@example.com"), "the key's account exists in LiteLLM");
        assertEquals(200, chat(key, "gpt-4o-mini").status());

        Res r = api.get(keyPath(name));
        assertEquals(200, r.status(), r.body());
        JsonObject k = r.json();
        assertEquals(name, k.getString("tenant"));
        assertEquals(alias(name), k.getString("keyAlias"));
        assertEquals(secretName(name), k.getString("secretName"));
        assertEquals(new BigDecimal("25.5"), k.getJsonNumber("monthlyBudgetUsd").bigDecimalValue());
        assertEquals("active", k.getString("state"));
        assertFalse(k.getBoolean("blocked"));
        assertFalse(k.containsKey("revokedAt"), "null fields are left out");
        assertFalse(r.body().contains(key) || r.body().contains(LiteLlmTestServer.hash(key)));

        var audit = db.rows("SELECT actor, tenant, metadata::text AS m FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyIssued'",
                "LiteLLMKey/" + name);
        assertEquals(1, audit.size());
        assertEquals("static-token", audit.get(0).get("actor"));
        assertNull(audit.get(0).get("tenant"), "a consequence of the tenant's creation, not a change of the tenant");
        assertTrue(audit.get(0).get("m").toString().contains(alias(name)));
        assertEnvelope(api.get(keyPath("no-such-tenant")), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void aBudgetChangeOfTheTenantIsPushedToItsKey() {
        String name = tenant("push");
        assertEquals(200, api.put("/api/v1/tenants/" + name, "{\"monthlyBudgetUsd\":40}").status());
        assertEquals(0, new BigDecimal("40").compareTo(litellm.keyByAlias(alias(name)).getJsonNumber("max_budget").bigDecimalValue()));
        assertEquals("40", secret(name).getJsonObject("metadata").getJsonObject("annotations")
                .getString("opencrane.io/litellm-monthly-budget-usd"));
        assertEquals(40, api.get(keyPath(name)).json().getInt("monthlyBudgetUsd"));
        assertEquals(200, api.put("/api/v1/tenants/" + name, "{\"monthlyBudgetUsd\":null}").status());
        assertEquals(0, new BigDecimal("50").compareTo(litellm.keyByAlias(alias(name)).getJsonNumber("max_budget").bigDecimalValue()),
                "without a tenant budget the configured default applies");
        assertEquals(2, db.count("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyBudgetUpdated'",
                "LiteLLMKey/" + name));
        assertEquals(1, litellm.generatedCount(alias(name)), "the same key, updated");
    }

    @Test
    void revokingDeletesTheKeyInLiteLlmAndItsSecretUntilTheTenantChanges() throws InterruptedException {
        String name = tenant("revoke");
        String key = apiKey(name);
        Res r = api.post(keyPath(name) + "/revoke");
        assertEquals(200, r.status(), r.body());
        assertEquals("revoked", r.json().getString("state"));
        Instant.parse(r.json().getString("revokedAt"));
        assertTrue(litellm.deletedHashes().contains(LiteLlmTestServer.hash(key)));
        assertEquals(401, chat(key, "gpt-4o-mini").status(), "a revoked key no longer works");
        assertNull(secret(name));
        assertNull(liveRow(name));
        var audit = db.rows("SELECT actor, tenant FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyRevoked'",
                "LiteLLMKey/" + name);
        assertEquals(List.of(Map.of("actor", "static-token", "tenant", name)), audit);
        assertEquals("revoked", api.get(keyPath(name)).json().getString("state"));
        assertEnvelope(api.post(keyPath(name) + "/revoke"), 404, "LITELLM_KEY_NOT_FOUND");
        assertEnvelope(api.get("/api/v1/ai-budget/" + name + "/spend"), 404, "LITELLM_KEY_NOT_FOUND");

        Thread.sleep(5000);
        assertEquals(1, litellm.generatedCount(alias(name)), "the reconciler does not undo a revocation");
        assertNull(secret(name));

        assertEquals(200, api.put("/api/v1/tenants/" + name, "{\"displayName\":\"Back again\"}").status());
        String fresh = awaitActiveKey(name, 5);
        assertNotEquals(key, fresh);
        assertEquals(200, chat(fresh, "gpt-4o-mini").status());
    }

    @Test
    void deletingATenantRevokesItsKey() {
        String name = tenant("gone");
        String key = apiKey(name);
        assertEquals(204, api.delete("/api/v1/tenants/" + name).status());
        assertEquals(401, chat(key, "gpt-4o-mini").status());
        assertEquals(0, litellm.keyCount(alias(name)));
        assertNull(secret(name));
        Res history = api.get(keyPath(name));
        assertEquals(200, history.status(), "the key's history outlives the tenant");
        assertEquals("revoked", history.json().getString("state"));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyRevoked' AND tenant IS NULL",
                "LiteLLMKey/" + name));
    }

    @Test
    void spendLimitAndRemainingBudgetComeFromLiteLlm() {
        String name = tenant("spend");
        String key = apiKey(name);
        assertEquals(200, chat(key, "gpt-4o-mini").status());
        assertEquals(200, chat(key, "gpt-4o-mini").status());
        Res r = api.get("/api/v1/ai-budget/" + name + "/spend");
        assertEquals(200, r.status(), r.body());
        JsonObject s = r.json();
        assertEquals(name, s.getString("tenant"));
        assertEquals(new BigDecimal("25.5"), s.getJsonNumber("monthlyLimitUsd").bigDecimalValue());
        assertEquals(new BigDecimal("0.004"), s.getJsonNumber("currentSpendUsd").bigDecimalValue());
        assertEquals(new BigDecimal("25.496"), s.getJsonNumber("remainingBudgetUsd").bigDecimalValue());
        assertEquals("ok", s.getString("budgetAlertState"));
        Instant.parse(s.getString("budgetResetAt"));

        litellm.setSpend(alias(name), new BigDecimal("21"));
        assertEquals("warning", api.get("/api/v1/ai-budget/" + name + "/spend").json().getString("budgetAlertState"));
        litellm.setSpend(alias(name), new BigDecimal("30"));
        JsonObject over = api.get("/api/v1/ai-budget/" + name + "/spend").json();
        assertEquals("exceeded", over.getString("budgetAlertState"));
        assertEquals(0, over.getJsonNumber("remainingBudgetUsd").intValue());
        assertEquals(400, chat(key, "gpt-4o-mini").status(), "LiteLLM enforces the key's budget");
        assertEnvelope(api.get("/api/v1/ai-budget/no-such-tenant/spend"), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void liteLlmDownAtCreationDoesNotFailTheTenantAndTheReconcilerIssuesTheKeyLater() {
        String name = unique("later");
        litellm.stopListening();
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        assertNull(liveRow(name), "nothing half-done: no row without a key");
        assertNull(secret(name));
        litellm.startListening();
        assertNoLeakedKeys(name);
        assertEquals("system:litellm-reconciler", db.rows("SELECT actor FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyIssued'",
                "LiteLLMKey/" + name).get(0).get("actor"));
    }

    @Test
    void anErrorFromLiteLlmLeavesNothingAndTheKeyIsIssuedOnTheNextPass() {
        String name = unique("lerr");
        litellm.failNext("/key/generate", 500, 1);
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        assertTrue(litellm.requests("/key/delete").stream().anyMatch(r -> r.body().contains("\"key_aliases\"")
                && r.body().contains(alias(name))), "whatever LiteLLM may have stored under the alias is deleted at once");
        assertNoLeakedKeys(name);
    }

    @Test
    void aTimedOutGenerateIsCleanedUpByAliasOnceItCannotBeInFlightAnyMore() {
        String name = unique("slow");
        litellm.delayNext("/key/generate", 3500, 1);
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        assertEquals("issuing", liveRow(name).get("state"), "the outcome is unknown, so the claim stays");
        await("LiteLLM stored the late key", 5, () -> litellm.keyCount(alias(name)) == 1);
        assertNull(secret(name));
        String key = awaitActiveKey(name, 60);
        assertNoLeakedKeys(name);
        assertEquals(2, litellm.generatedCount(alias(name)));
        assertEquals(200, chat(key, "gpt-4o-mini").status());
    }

    @Test
    void aSecretFailureDeletesTheGeneratedKey() {
        String name = unique("sfail");
        kube.failNext("POST", "/secrets", 500, 1);
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        assertTrue(litellm.deletedCount(alias(name)) >= 1, "the key generated for the failed Secret was deleted");
        assertNoLeakedKeys(name);
    }

    @Test
    void aDatabaseFailureAfterTheSecretUndoesSecretAndKey() {
        String name = unique("rowfail");
        db.update("""
                CREATE OR REPLACE FUNCTION it_reject_key_activation() RETURNS trigger AS $$
                BEGIN IF NEW.state = 'active' AND NEW.tenant LIKE 'rowfail-%' THEN RAISE EXCEPTION 'rejected for the test'; END IF;
                RETURN NEW; END $$ LANGUAGE plpgsql""");
        db.update("DROP TRIGGER IF EXISTS it_reject_key_activation ON tenant_litellm_keys");
        db.update("CREATE TRIGGER it_reject_key_activation BEFORE UPDATE ON tenant_litellm_keys FOR EACH ROW "
                + "EXECUTE FUNCTION it_reject_key_activation()");
        try {
            assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
            assertTrue(litellm.deletedCount(alias(name)) >= 1);
        } finally {
            db.update("DROP TRIGGER IF EXISTS it_reject_key_activation ON tenant_litellm_keys");
        }
        assertNoLeakedKeys(name);
    }

    @Test
    void aRevocationThatFailsChangesNothingAndARetryFinishesIt() {
        String name = tenant("rfail");
        String key = apiKey(name);

        litellm.stopListening();
        assertEnvelope(api.post(keyPath(name) + "/revoke"), 502, "UPSTREAM_ERROR");
        litellm.startListening();
        litellm.failNext("/key/delete", 500, 1);
        assertEnvelope(api.post(keyPath(name) + "/revoke"), 502, "UPSTREAM_ERROR");
        assertEquals("active", liveRow(name).get("state"));
        assertNotNull(secret(name));
        assertEquals(200, chat(key, "gpt-4o-mini").status());

        litellm.delayNext("/key/delete", 3000, 1);
        assertEnvelope(api.post(keyPath(name) + "/revoke"), 504, "TIMEOUT");
        assertEquals("active", liveRow(name).get("state"));

        kube.failNext("DELETE", "/secrets/" + secretName(name), 500, 1);
        assertEnvelope(api.post(keyPath(name) + "/revoke"), 502, "UPSTREAM_ERROR");
        assertEquals("active", liveRow(name).get("state"), "row and Secret change together");
        assertNotNull(secret(name));

        assertEquals(200, api.post(keyPath(name) + "/revoke").status());
        assertNull(secret(name));
        assertEquals(401, chat(key, "gpt-4o-mini").status());
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'LiteLLMKeyRevoked'",
                "LiteLLMKey/" + name));
    }

    @Test
    void spendFailuresAre502Or504() {
        String name = tenant("sperr");
        litellm.stopListening();
        assertEnvelope(api.get("/api/v1/ai-budget/" + name + "/spend"), 502, "UPSTREAM_ERROR");
        litellm.startListening();
        litellm.delayNext("/key/info", 3000, 1);
        assertEnvelope(api.get("/api/v1/ai-budget/" + name + "/spend"), 504, "TIMEOUT");
        litellm.failNext("/key/info", 503, 1);
        assertEnvelope(api.get("/api/v1/ai-budget/" + name + "/spend"), 502, "UPSTREAM_ERROR");
    }

    @Test
    void noKeyValueAppearsInResponsesTheAuditLogOrTheServerLog() {
        String name = tenant("secret");
        String key = apiKey(name);
        chat(key, "gpt-4o-mini");
        String hash = LiteLlmTestServer.hash(key);
        String master = litellm.masterKey();
        StringBuilder seen = new StringBuilder();
        for (String path : List.of("/api/v1/tenants/" + name, keyPath(name), "/api/v1/ai-budget/" + name + "/spend",
                "/api/v1/audit?limit=1000", "/api/v1/token-usage?tenant=" + name, "/api/v1/ai-budget/global",
                "/api/v1/ai-budget/accounts")) {
            seen.append(api.get(path).body());
        }
        seen.append(api.post(keyPath(name) + "/revoke").body());
        seen.append(api.get(keyPath(name)).body());
        assertFalse(seen.toString().contains(key));
        assertFalse(seen.toString().contains(hash));
        assertFalse(seen.toString().contains(master));
        assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE strpos(message || coalesce(metadata::text, ''), ?) > 0 "
                + "OR strpos(message || coalesce(metadata::text, ''), ?) > 0", key, master));
        String log = ControlPlane.get().serverLog();
        assertFalse(log.contains(key));
        assertFalse(log.contains(master));
    }
}
