package ai.opencrane.controlplane.tenant;

import static ai.opencrane.controlplane.testkit.Fixtures.*;
import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.HttpDouble;
import ai.opencrane.controlplane.testkit.Res;

class DatasetsIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final HttpDouble knowledge = ControlPlane.knowledge();

    @AfterEach
    void resetKnowledgeService() {
        knowledge.reset();
    }

    private String tenant() {
        String name = unique("ds");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(name)).status());
        return name;
    }

    @Test
    void aNewTenantHasOnlyTheOrgDataset() {
        Res r = api.get("/api/v1/tenants/" + tenant() + "/datasets");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"org\":[\"default\"],\"personal\":[],\"project\":[],\"team\":[]}", r.body());
    }

    @Test
    void membershipsAreNormalisedStoredSyncedAndAudited() {
        String name = tenant();
        Res r = api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[],\"team\":[\" research \",\"research\"],\"project\":[\"zeta\",\"alpha\",\"\"],\"personal\":[\"" + name + "\"]}");
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("default"), strings(r, "org"));
        assertEquals(List.of("research"), strings(r, "team"));
        assertEquals(List.of("alpha", "zeta"), strings(r, "project"));
        assertEquals(r.body(), api.get("/api/v1/tenants/" + name + "/datasets").body());
        assertEquals(5, db.count("SELECT count(*) FROM tenant_datasets WHERE tenant = ?", name));

        var sync = knowledge.requests("/v1/permissions/tenants/" + name + "/subjects");
        assertEquals(1, sync.size());
        assertEquals("PUT", sync.get(0).method());
        assertTrue(sync.get(0).body().contains("{\"scope\":\"project\",\"subject\":\"alpha\"}"), sync.get(0).body());
        assertTrue(sync.get(0).headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization")),
                "the caller's credentials are not forwarded");
        var audit = db.rows("SELECT action, metadata::text AS m FROM audit_log WHERE tenant = ? ORDER BY id DESC LIMIT 1", name);
        assertEquals("DatasetsUpdated", audit.get(0).get("action"));
        assertTrue(audit.get(0).get("m").toString().contains("alpha"));
    }

    @Test
    void anotherTeamOrAnotherPersonIsDatasetDenied() {
        String name = tenant();
        Res team = api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[\"default\"],\"team\":[\"finance\"],\"project\":[],\"personal\":[]}");
        assertEnvelope(team, 403, "DATASET_DENIED");
        assertTrue(team.json().getString("error").contains("team") && team.json().getString("error").contains("finance"));
        Res personal = api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[\"default\"],\"team\":[],\"project\":[],\"personal\":[\"bob\"]}");
        assertEnvelope(personal, 403, "DATASET_DENIED");
        assertEquals(0, db.count("SELECT count(*) FROM tenant_datasets WHERE tenant = ?", name));
    }

    @Test
    void invalidMembershipsAre400() {
        String name = tenant();
        assertEnvelope(api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[\"other\"],\"team\":[],\"project\":[],\"personal\":[]}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[],\"team\":[]}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[],\"team\":\"research\",\"project\":[],\"personal\":[]}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get("/api/v1/tenants/nobody/datasets"), 404, "TENANT_NOT_FOUND");
    }

    @Test
    void aFailingKnowledgeServiceStoresNothing() {
        String name = tenant();
        knowledge.answer("/v1/permissions", 500);
        Res r = api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[],\"team\":[],\"project\":[\"alpha\"],\"personal\":[]}");
        assertEnvelope(r, 502, "UPSTREAM_ERROR");
        knowledge.reset();
        knowledge.delay(3000);
        assertEnvelope(api.put("/api/v1/tenants/" + name + "/datasets",
                "{\"org\":[],\"team\":[],\"project\":[\"alpha\"],\"personal\":[]}"), 504, "TIMEOUT");
        assertEquals(0, db.count("SELECT count(*) FROM tenant_datasets WHERE tenant = ?", name));
        assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'DatasetsUpdated'", name));
    }

    private static List<String> strings(Res r, String key) {
        return r.json().getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
