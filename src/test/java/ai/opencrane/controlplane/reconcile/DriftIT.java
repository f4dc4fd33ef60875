package ai.opencrane.controlplane.reconcile;

import static ai.opencrane.controlplane.testkit.Fixtures.*;
import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.kube.KubeTestServer;

/**
 * Drift of each kind created out of band, found by the drift report, fixed by repair, healed by the
 * scheduler (the IT server reconciles every 2 s and repairs mismatches older than 6 s).
 */
class DriftIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final KubeTestServer kube = ControlPlane.kube();

    private String tenant() {
        String name = unique("drift");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        return name;
    }

    private String orphanRow() {
        String prefix = unique("orphan");
        orphanRows(prefix, 1);
        return prefix + "-001";
    }

    /** Rows without a resource, named {@code prefix-001} on, in one statement. */
    private void orphanRows(String prefix, int count) {
        db.update("INSERT INTO tenants (name, display_name, email, spec, resource_version, created_at) "
                + "SELECT ? || '-' || lpad(g::text, 3, '0'), 'Orphan', 'o@example.com', "
                + "'{\"displayName\":\"Orphan\",\"email\":\"o@example.com\"}', '1', now() FROM generate_series(1, ?) g",
                prefix, count);
    }

    static Optional<JsonObject> mismatch(Res report, String name) {
        return report.json().getJsonArray("mismatches").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("name").equals(name)).findFirst();
    }

    @Test
    void aFreshResourceShowsNoDriftAndTheReportHasItsShape() {
        String name = tenant();
        String policy = unique("pol");
        assertEquals(201, api.post("/api/v1/policies", policyBody(policy)).status());
        Res t = api.get("/api/v1/tenants/drift");
        assertEquals(200, t.status(), t.body());
        assertEquals("Tenant", t.json().getString("resource"));
        assertEquals("detect-only", t.json().getString("mode"));
        assertTrue(t.json().getJsonArray("comparedFields").contains(Json.createValue("displayName")));
        assertTrue(t.json().getJsonObject("summary").getInt("sourceCount") >= 1);
        assertTrue(mismatch(t, name).isEmpty(), t.body());
        Res p = api.get("/api/v1/policies/drift");
        assertEquals("AccessPolicy", p.json().getString("resource"));
        assertTrue(mismatch(p, policy).isEmpty(), "defaulted fields are not drift: " + p.body());
    }

    @Test
    void eachIssueIsReportedAndRepairFixesItOnceAndAudited() {
        String missingRow = tenant();
        String changed = tenant();
        String orphan = orphanRow();
        db.update("DELETE FROM tenants WHERE name = ?", missingRow);
        db.update("UPDATE tenants SET display_name = 'Tampered', spec = jsonb_set(spec, '{displayName}', '\"Tampered\"') "
                + "WHERE name = ?", changed);

        Res report = api.get("/api/v1/tenants/drift");
        assertEquals("missing-projection", mismatch(report, missingRow).orElseThrow().getString("issue"));
        JsonObject fm = mismatch(report, changed).orElseThrow();
        assertEquals("field-mismatch", fm.getString("issue"));
        assertEquals(List.of("displayName"), fm.getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("missing-source", mismatch(report, orphan).orElseThrow().getString("issue"));

        Res dry = api.post("/api/v1/tenants/repair");
        assertEquals(200, dry.status(), dry.body());
        assertEquals("dry-run", dry.json().getString("mode"));
        assertTrue(dry.body().contains("\"name\":\"" + missingRow + "\""));
        assertEquals(0, db.count("SELECT count(*) FROM tenants WHERE name = ?", missingRow), "dry run changes nothing");
        assertEquals("Tampered", db.rows("SELECT display_name FROM tenants WHERE name = ?", changed).get(0).get("display_name"));

        Res applied = api.post("/api/v1/tenants/repair?dryRun=false");
        assertEquals("apply", applied.json().getString("mode"));
        JsonObject skipped = entry(applied, orphan);
        assertEquals("skipped", skipped.getString("action"));
        assertEquals("created", entry(applied, missingRow).getString("action"));
        assertEquals("updated", entry(applied, changed).getString("action"));
        assertEquals(1, db.count("SELECT count(*) FROM tenants WHERE name = ?", missingRow));
        assertEquals("Alice Example", db.rows("SELECT display_name FROM tenants WHERE name = ?", changed).get(0).get("display_name"));
        assertEquals(1, db.count("SELECT count(*) FROM tenants WHERE name = ?", orphan), "no prune, orphan kept");
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'Repaired'", missingRow));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'Repaired'", changed));

        Res again = api.post("/api/v1/tenants/repair?dryRun=false");
        assertFalse(again.body().contains("\"name\":\"" + missingRow + "\""), "idempotent: " + again.body());
        assertFalse(again.body().contains("\"name\":\"" + changed + "\""), again.body());
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'Repaired'", changed));

        Res pruned = api.post("/api/v1/tenants/repair?dryRun=false&prune=true");
        assertEquals("pruned", entry(pruned, orphan).getString("action"));
        assertEquals(0, db.count("SELECT count(*) FROM tenants WHERE name = ?", orphan));
        assertEquals(1, db.count("SELECT count(*) FROM tenants WHERE name = ?", changed), "prune deletes only orphans");
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'Pruned'", orphan));
    }

    @Test
    void policyDriftIsRepairedToo() {
        String name = unique("pdrift");
        api.post("/api/v1/policies", policyBody(name));
        db.update("UPDATE access_policies SET spec = spec - 'mcpServers' WHERE name = ?", name);
        JsonObject m = mismatch(api.get("/api/v1/policies/drift"), name).orElseThrow();
        assertEquals("[\"mcpServers\"]", m.getJsonArray("fields").toString());
        api.post("/api/v1/policies/repair?dryRun=false");
        assertTrue(mismatch(api.get("/api/v1/policies/drift"), name).isEmpty());
    }

    @Test
    void theSchedulerHealsDriftWithoutAnyApiCall() {
        String missingRow = tenant();
        String changed = tenant();
        db.update("DELETE FROM tenants WHERE name = ?", missingRow);
        db.update("UPDATE tenants SET email = 'tampered@example.com', spec = jsonb_set(spec, '{email}', '\"tampered@example.com\"') "
                + "WHERE name = ?", changed);
        eventually("the reconciler recreated the row",
                () -> db.count("SELECT count(*) FROM tenants WHERE name = ?", missingRow) == 1);
        eventually("the reconciler corrected the field", () -> "alice@example.com".equals(
                db.rows("SELECT email FROM tenants WHERE name = ?", changed).get(0).get("email")));
        assertEquals("system:reconciler", db.rows("SELECT actor FROM audit_log WHERE tenant = ? AND action = 'Repaired'",
                missingRow).get(0).get("actor"));
    }

    /**
     * The scan reads the resource, then waits for the rows (the test holds the table); meanwhile the resource
     * is deleted and the watch's delete waits too. Once the table is free the repair must not bring the row
     * back: it was read before the delete, and the tombstone says the resource is gone.
     */
    @Test
    void aRepairDoesNotBringBackARowWhoseResourceWasDeletedAfterTheScanReadIt() throws Exception {
        String name = "aaaa" + unique("gone"); // on the scan's first page of resources
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        String scans = "SELECT * FROM tenants WHERE name > %";
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection held = db.connect()) {
            held.setAutoCommit(false);
            try (Statement st = held.createStatement()) {
                st.execute("LOCK TABLE tenants IN ACCESS EXCLUSIVE MODE");
                st.execute("DELETE FROM tenants WHERE name = '" + name + "'");
            }
            // the reconciler's own scan waits first, so the second waiting scan is the repair call's
            eventually("the reconciler's scan waits", () -> waiting(scans) == 1);
            Future<Res> repair = caller.submit(() -> api.post("/api/v1/tenants/repair?dryRun=false"));
            eventually("the repair's scan read the resource and waits", () -> waiting(scans) == 2);
            kube.remove(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name);
            eventually("the watch's delete waits", () -> waiting("DELETE FROM tenants WHERE name = %") == 1);
            held.commit();

            Res report = repair.get(20, TimeUnit.SECONDS);
            assertEquals(200, report.status(), report.body());
            assertEquals("skipped", entry(report, name).getString("action"), report.body());
        } finally {
            caller.shutdownNow();
        }
        assertEquals(0, db.count("SELECT count(*) FROM tenants WHERE name = ?", name), "the deleted tenant's row came back");
        assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'Repaired'", name));
        assertEquals(404, api.get("/api/v1/tenants/" + name).status());
    }

    @Test
    void aRepairChangesAtMost500RowsAndTheNextOneTheRest() {
        api.post("/api/v1/tenants/repair?dryRun=false&prune=true");
        String prefix = unique("bulk");
        orphanRows(prefix, 501);

        Res first = api.post("/api/v1/tenants/repair?dryRun=false&prune=true");
        assertEquals(200, first.status(), first.body());
        assertEquals(500, first.json().getInt("repairedCount"));
        assertEquals("over the limit of 500 rows per repair; repair again", entry(first, prefix + "-501").getString("reason"));
        assertEquals(1, db.count("SELECT count(*) FROM tenants WHERE name LIKE ?", prefix + "-%"));

        Res second = api.post("/api/v1/tenants/repair?dryRun=false&prune=true");
        assertEquals("pruned", entry(second, prefix + "-501").getString("action"));
        assertEquals(0, db.count("SELECT count(*) FROM tenants WHERE name LIKE ?", prefix + "-%"));
        assertEquals(501, db.count("SELECT count(*) FROM audit_log WHERE tenant LIKE ? AND action = 'Pruned'", prefix + "-%"));
    }

    private long waiting(String query) {
        return db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query LIKE ?", query);
    }

    @Test
    void invalidFlagsAre400() {
        assertEnvelope(api.post("/api/v1/tenants/repair?dryRun=nope"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/policies/repair?prune=1"), 400, "VALIDATION_ERROR");
    }

    @Test
    void driftMetricsAlertOnceWhenCrossedAndOnceWhenCleared() {
        api.post("/api/v1/tenants/repair?dryRun=false&prune=true");
        api.post("/api/v1/policies/repair?dryRun=false&prune=true");
        int before = ControlPlane.webhook().requests("/drift").size();
        orphanRows(unique("orphan"), 45);
        Res m = api.get("/api/v1/metrics/projection-drift");
        assertEquals(200, m.status(), m.body());
        JsonObject alert = m.json().getJsonObject("alert");
        assertTrue(alert.getBoolean("enabled"));
        assertEquals(40, alert.getInt("threshold"));
        assertTrue(alert.getBoolean("exceeded"), m.body());
        assertEquals("alert", alert.getString("state"));
        assertTrue(m.json().getJsonObject("resources").getJsonObject("tenant").getInt("missingSource") >= 45);
        assertTrue(m.json().getJsonObject("lag").getJsonObject("resources").containsKey("accessPolicy"));
        api.get("/api/v1/metrics/projection-drift");
        api.get("/api/v1/metrics/projection-drift");
        eventually("one alert event", () -> ControlPlane.webhook().requests("/drift").size() == before + 1);

        api.post("/api/v1/tenants/repair?dryRun=false&prune=true");
        Res cleared = api.get("/api/v1/metrics/projection-drift");
        assertEquals("ok", cleared.json().getJsonObject("alert").getString("state"));
        api.get("/api/v1/metrics/projection-drift");
        eventually("one resolved event", () -> ControlPlane.webhook().requests("/drift").size() == before + 2);
        var events = ControlPlane.webhook().requests("/drift");
        assertTrue(events.get(before).body().contains("opencrane.projection_drift.alert"));
        assertTrue(events.get(before + 1).body().contains("opencrane.projection_drift.resolved"));
        Res prom = api.anonymous().get("/prom");
        assertTrue(prom.body().contains("opencrane_projection_drift"), "drift gauges exported");
        assertTrue(prom.body().contains("opencrane_reconcile_leader"), "leader gauge exported");
    }

    private static JsonObject entry(Res report, String name) {
        return report.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(report.body()));
    }
}
