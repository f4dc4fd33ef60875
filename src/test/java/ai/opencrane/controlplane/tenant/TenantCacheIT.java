package ai.opencrane.controlplane.tenant;

import static ai.opencrane.controlplane.testkit.Fixtures.eventually;
import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

/** The replica's tenant cache: never stale after this replica's writes, emptied by the table's notifications. */
class TenantCacheIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    private String displayName(String name) {
        Res r = api.get("/api/v1/tenants/" + name);
        assertEquals(200, r.status(), r.body());
        return r.json().getString("displayName");
    }

    @Test
    void everyReadAfterAWriteOnThisReplicaSeesTheWrite() {
        String name = unique("cached");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(i == 0 ? "Alice Example" : "Round " + (i - 1), displayName(name));
            displayName(name);
            Res put = api.put("/api/v1/tenants/" + name, "{\"displayName\":\"Round " + i + "\"}");
            assertEquals(200, put.status(), put.body());
            assertEquals("Round " + i, displayName(name), "the read right after the update");
        }
        assertEquals(204, api.delete("/api/v1/tenants/" + name).status());
        assertEnvelope(api.get("/api/v1/tenants/" + name), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void repeatedReadsComeFromTheCacheUntilTheTableNotifies() throws InterruptedException {
        // a row without a resource: no watch event will rewrite it while the test runs
        String name = unique("cached-sql");
        db.update("INSERT INTO tenants (name, display_name, email, spec, resource_version, created_at) "
                + "VALUES (?, 'Before', 'c@example.com', '{\"displayName\":\"Before\",\"email\":\"c@example.com\"}', '1', now())", name);
        try {
            eventually("the inserted row is served", () -> api.get("/api/v1/tenants/" + name).status() == 200);
            Thread.sleep(2 * 500); // two heartbeats: the insert's own notification has been consumed
            assertEquals("Before", displayName(name));

            db.update("ALTER TABLE tenants DISABLE TRIGGER tenants_changed");
            try {
                db.update("UPDATE tenants SET display_name = 'After', spec = jsonb_set(spec, '{displayName}', '\"After\"') "
                        + "WHERE name = ?", name);
            } finally {
                db.update("ALTER TABLE tenants ENABLE TRIGGER tenants_changed");
            }
            assertEquals("Before", displayName(name), "a change nobody announced is not seen: the read came from the cache");

            db.update("NOTIFY opencrane_tenants"); // what the trigger sends for every statement on the table
            eventually("the notification empties the cache", () -> "After".equals(displayName(name)));
        } finally {
            db.update("DELETE FROM tenants WHERE name = ?", name);
        }
    }
}
