package ai.opencrane.controlplane.tenant;

import static ai.opencrane.controlplane.testkit.Fixtures.*;
import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ai.opencrane.controlplane.testkit.kube.KubeTestServer;

class TenantsIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final KubeTestServer kube = ControlPlane.kube();



    JsonObject resource(String name) {
        return kube.get(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name);
    }

    long rows(String name) {
        return db.count("SELECT count(*) FROM tenants WHERE name = ?", name);
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        ControlPlane.kube().clearFaults();
        ControlPlane.kube().startListening();
    }

    @Test
    void createWritesTheResourceTheRowAndTheAuditEntry() {
        String name = unique("create");
        Res r = api.post("/api/v1/tenants", tenantBody(name));
        assertEquals(201, r.status(), r.body());
        assertTrue(r.header("Location").endsWith("/api/v1/tenants/" + name), r.header("Location"));
        JsonObject t = r.json();
        assertEquals(name, t.getString("name"));
        assertEquals("Alice Example", t.getString("displayName"));
        assertEquals("alice@example.com", t.getString("email"));
        assertEquals("research", t.getString("team"));
        assertEquals("gold", t.getJsonObject("labels").getString("tier"));
        assertEquals(25.5, t.getJsonNumber("monthlyBudgetUsd").doubleValue());
        assertEquals("500m", t.getJsonObject("resources").getString("cpu"));
        assertEquals("web-search", t.getJsonArray("skillAllowlist").getString(0));
        assertEquals("standard", t.getString("policyRef"));
        assertFalse(t.getBoolean("suspended"));
        assertEquals("Pending", t.getString("phase"));
        assertEquals("\"" + t.getString("resourceVersion") + "\"", r.header("ETag"));

        JsonObject cr = resource(name);
        assertNotNull(cr, "the Tenant resource exists");
        assertEquals("Alice Example", cr.getJsonObject("spec").getString("displayName"));
        assertEquals("gold", cr.getJsonObject("metadata").getJsonObject("labels").getString("tier"));
        assertEquals(false, cr.getJsonObject("spec").getBoolean("suspended"), "API server default applied");
        assertEquals(1, rows(name));
        assertEquals(cr.getJsonObject("metadata").getString("resourceVersion"),
                db.rows("SELECT resource_version FROM tenants WHERE name = ?", name).get(0).get("resource_version"));
        var audit = db.rows("SELECT action, resource, tenant, actor FROM audit_log WHERE tenant = ?", name);
        assertEquals(1, audit.size());
        assertEquals("Created", audit.get(0).get("action"));
        assertEquals("Tenant/" + name, audit.get(0).get("resource"));
        assertEquals("static-token", audit.get(0).get("actor"));
    }

    @Test
    void duplicateNameIs409AlreadyExists() {
        String name = unique("dup");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        assertEnvelope(api.post("/api/v1/tenants", tenantBody(name)), 409, "ALREADY_EXISTS");
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE tenant = ?", name));
    }

    @Test
    void invalidInputIs400NamingTheFieldsAndWritesNothing() {
        String name = unique("bad");
        String[][] cases = {
                {"{\"name\":\"Upper\",\"displayName\":\"x\",\"email\":\"a@b.co\"}", "name"},
                {"{\"name\":\"" + "a".repeat(55) + "\",\"displayName\":\"x\",\"email\":\"a@b.co\"}", "name"},
                {"{\"name\":\"drift\",\"displayName\":\"x\",\"email\":\"a@b.co\"}", "name"},
                {"{\"name\":\"repair\",\"displayName\":\"x\",\"email\":\"a@b.co\"}", "name"},
                {"{\"name\":\"accounts\",\"displayName\":\"x\",\"email\":\"a@b.co\"}", "name"},
                {"{\"name\":\"global\",\"displayName\":\"x\",\"email\":\"a@b.co\"}", "name"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"\",\"email\":\"a@b.co\"}", "displayName"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"   \",\"email\":\"a@b.co\"}", "displayName"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"not-an-email\"}", "email"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\"}", "email"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"monthlyBudgetUsd\":-1}", "monthlyBudgetUsd"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"resources\":{\"cpu\":\"lots\"}}", "resources.cpu"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"resources\":{\"memory\":\"0\"}}", "resources.memory"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"labels\":{\"bad key!\":\"v\"}}", "labels.bad key!"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"labels\":{\"opencrane.io/team\":\"v\"}}", "labels.opencrane.io/team"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"owner\":\"mallory\"}", "owner"},
                {"{\"name\":\"" + name + "\",\"displayName\":7,\"email\":\"a@b.co\"}", "displayName"},
                {"{\"name\":\"" + name + "\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"team\":\"has space\"}", "team"},
        };
        for (String[] c : cases) {
            Res r = api.post("/api/v1/tenants", c[0]);
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertTrue(r.json().getJsonObject("detail").getJsonObject("fields").containsKey(c[1]), c[0] + " -> " + r.body());
        }
        assertNull(resource(name));
        assertEquals(0, rows(name));
    }

    @Test
    void getSendsAnETagAndMissingIs404() {
        String name = unique("get");
        api.post("/api/v1/tenants", tenantBody(name));
        Res r = api.get("/api/v1/tenants/" + name);
        assertEquals(200, r.status());
        assertEquals("\"" + resource(name).getJsonObject("metadata").getString("resourceVersion") + "\"", r.header("ETag"));
        assertEnvelope(api.get("/api/v1/tenants/nobody-here"), 404, "TENANT_NOT_FOUND");
        assertEnvelope(api.get("/api/v1/tenants/x'%3BDROP%20TABLE%20tenants--"), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void listPagesNewestFirstAndFiltersByTeam() {
        String team = unique("team");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String name = unique("list" + i);
            created.add(name);
            api.post("/api/v1/tenants", tenantBody(name).replace("\"research\"", "\"" + team + "\""));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Res r = api.get("/api/v1/tenants?team=" + team + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            for (JsonValue v : r.data()) {
                assertTrue(seen.add(v.asJsonObject().getString("name")));
                assertEquals(team, v.asJsonObject().getString("team"));
            }
            JsonObject p = r.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void updateIsAMergePatchGuardedByIfMatch() {
        String name = unique("upd");
        Res created = api.post("/api/v1/tenants", tenantBody(name));
        String etag = created.header("ETag");
        Res r = api.request("PUT", "/api/v1/tenants/" + name).header("If-Match", etag)
                .json("{\"displayName\":\"Alice B\",\"team\":null,\"labels\":{\"tier\":\"silver\",\"site\":\"ams\"}}").send();
        assertEquals(200, r.status(), r.body());
        assertEquals("Alice B", r.json().getString("displayName"));
        assertFalse(r.json().containsKey("team"));
        assertEquals("standard", r.json().getString("policyRef"), "fields left out are kept");
        JsonObject cr = resource(name);
        assertEquals("Alice B", cr.getJsonObject("spec").getString("displayName"));
        assertFalse(cr.getJsonObject("spec").containsKey("team"));
        assertEquals(Set.of("tier", "site"), cr.getJsonObject("metadata").getJsonObject("labels").keySet());
        assertEquals("Alice B", db.rows("SELECT display_name FROM tenants WHERE name = ?", name).get(0).get("display_name"));

        Res stale = api.request("PUT", "/api/v1/tenants/" + name).header("If-Match", etag)
                .json("{\"displayName\":\"Lost update\"}").send();
        assertEnvelope(stale, 412, "PRECONDITION_FAILED");
        assertEquals("Alice B", resource(name).getJsonObject("spec").getString("displayName"));

        assertEnvelope(api.put("/api/v1/tenants/" + name, "{\"email\":null}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/tenants/missing-tenant", "{\"displayName\":\"x\"}"), 404, "TENANT_NOT_FOUND");
        assertEquals(2, db.count("SELECT count(*) FROM audit_log WHERE tenant = ?", name));
    }

    @Test
    void suspendAndResumeSetSpecSuspendedAndAnswerWithTheTenant() {
        String name = unique("susp");
        api.post("/api/v1/tenants", tenantBody(name));
        Res s = api.post("/api/v1/tenants/" + name + "/suspend");
        assertEquals(200, s.status(), s.body());
        assertTrue(s.json().getBoolean("suspended"));
        assertTrue(resource(name).getJsonObject("spec").getBoolean("suspended"));
        Res r = api.post("/api/v1/tenants/" + name + "/resume");
        assertEquals(200, r.status());
        assertFalse(r.json().getBoolean("suspended"));
        assertFalse(resource(name).getJsonObject("spec").getBoolean("suspended"));
        var actions = db.rows("SELECT action FROM audit_log WHERE tenant = ? ORDER BY id", name);
        assertEquals("Suspended", actions.get(1).get("action"));
        assertEquals("Resumed", actions.get(2).get("action"));
        assertEnvelope(api.post("/api/v1/tenants/ghost/suspend"), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void deleteRemovesResourceAndRowAndTheAuditKeepsTheName() {
        String name = unique("del");
        api.post("/api/v1/tenants", tenantBody(name));
        Res stale = api.request("DELETE", "/api/v1/tenants/" + name).header("If-Match", "\"1\"").send();
        assertEnvelope(stale, 412, "PRECONDITION_FAILED");
        assertEquals(204, api.delete("/api/v1/tenants/" + name).status());
        assertNull(resource(name));
        assertEquals(0, rows(name));
        var audit = db.rows("SELECT action FROM audit_log WHERE tenant = ? ORDER BY id", name);
        assertEquals("Deleted", audit.get(audit.size() - 1).get("action"));
        assertEquals(2, api.get("/api/v1/audit?tenant=" + name).data().size());
        assertEnvelope(api.delete("/api/v1/tenants/" + name), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void aFailedDatabaseStepRemovesTheResourceAgain() {
        String name = unique("doomed");
        db.update("""
                CREATE OR REPLACE FUNCTION it_reject_doomed() RETURNS trigger AS $$
                BEGIN IF NEW.name LIKE 'doomed-%' THEN RAISE EXCEPTION 'rejected for the test'; END IF; RETURN NEW; END
                $$ LANGUAGE plpgsql""");
        db.update("DROP TRIGGER IF EXISTS it_reject_doomed ON tenants");
        db.update("CREATE TRIGGER it_reject_doomed BEFORE INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION it_reject_doomed()");
        try {
            Res r = api.post("/api/v1/tenants", tenantBody(name));
            assertTrue(r.status() >= 500, r.body());
            assertFalse(r.body().contains("rejected for the test"), r.body());
            assertNull(resource(name), "the resource was deleted again");
            assertEquals(0, rows(name));
            assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE tenant = ?", name));
        } finally {
            db.update("DROP TRIGGER IF EXISTS it_reject_doomed ON tenants");
        }
    }

    @Test
    void kubernetesFailuresAre5xxAndLeavePostgresUnchanged() {
        String name = unique("kfail");
        kube.failNext("POST", "/tenants", 500, 1);
        assertEnvelope(api.post("/api/v1/tenants", tenantBody(name)), 502, "UPSTREAM_ERROR");
        assertEquals(0, rows(name));

        kube.stopListening();
        try {
            assertEnvelope(api.post("/api/v1/tenants", tenantBody(name)), 502, "UPSTREAM_ERROR");
            assertEquals(0, rows(name));
        } finally {
            kube.startListening();
        }

        kube.delayNext("POST", "/tenants", 4500, 1);
        assertEnvelope(api.post("/api/v1/tenants", tenantBody(name)), 504, "TIMEOUT");
        assertEquals(0, rows(name));
        assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE tenant = ?", name));
    }
}
