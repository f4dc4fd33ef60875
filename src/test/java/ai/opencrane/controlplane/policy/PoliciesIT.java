package ai.opencrane.controlplane.policy;

import static ai.opencrane.controlplane.testkit.Fixtures.*;
import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.kube.KubeTestServer;

class PoliciesIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final KubeTestServer kube = ControlPlane.kube();



    JsonObject resource(String name) {
        return kube.get("opencrane.io/v1alpha1", "accesspolicies", ControlPlane.NAMESPACE, name);
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        ControlPlane.kube().clearFaults();
        ControlPlane.kube().startListening();
    }

    @Test
    void createWritesResourceRowAndAudit() {
        String name = unique("pol");
        Res r = api.post("/api/v1/policies", policyBody(name));
        assertEquals(201, r.status(), r.body());
        JsonObject p = r.json();
        assertEquals(name, p.getString("name"));
        assertEquals(ControlPlane.NAMESPACE, p.getString("namespace"));
        assertEquals("research", p.getJsonObject("tenantSelector").getString("matchTeam"));
        assertTrue(p.getJsonObject("domains").getBoolean("defaultDeny"), "API server default");
        assertEquals("TCP", p.getJsonArray("egressRules").getJsonObject(0).getString("protocol"), "API server default");
        assertEquals("github", p.getJsonObject("mcpServers").getJsonArray("allow").getString(0));
        JsonObject cr = resource(name);
        assertEquals("shell", cr.getJsonObject("spec").getJsonObject("mcpServers").getJsonArray("deny").getString(0),
                "mcpServers is declared in the CRD, so it is not pruned");
        assertEquals(1, db.count("SELECT count(*) FROM access_policies WHERE name = ?", name));
        assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE resource = ? AND action = 'Created'",
                "AccessPolicy/" + name));
        assertEnvelope(api.post("/api/v1/policies", policyBody(name)), 409, "ALREADY_EXISTS");
    }

    @Test
    void invalidPoliciesAre400AndWriteNothing() {
        String name = unique("badpol");
        String[][] cases = {
                {policyBody(name).replace("10.0.0.0/8", "10.0.0.0/33"), "egressRules[0].cidr"},
                {policyBody(name).replace("10.0.0.0/8", "300.1.1.1/8"), "egressRules[0].cidr"},
                {policyBody(name).replace("10.0.0.0/8", "fd00::/8"), "egressRules[0].cidr"},
                {policyBody(name).replace("[443,8443]", "[0]"), "egressRules[0].ports[0]"},
                {policyBody(name).replace("[443,8443]", "[70000]"), "egressRules[0].ports[0]"},
                {policyBody(name).replace("[443,8443]", "[443],\"protocol\":\"ICMP\""), "egressRules[0].protocol"},
                {policyBody(name).replace("api.openai.com", "http://api.openai.com"), "domains.allow[0]"},
                {policyBody(name).replace("api.openai.com", "*"), "domains.allow[0]"},
                {policyBody(name).replace("\"tier\"", "\"bad key\""), "tenantSelector.matchLabels.bad key"},
                {policyBody(name).replace("\"name\":\"" + name + "\"", "\"name\":\"drift\""), "name"},
                {policyBody(name).replace("\"name\":\"" + name + "\"", "\"name\":\"Not_A_Name\""), "name"},
        };
        for (String[] c : cases) {
            Res r = api.post("/api/v1/policies", c[0]);
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertTrue(r.json().getJsonObject("detail").getJsonObject("fields").containsKey(c[1]), c[1] + " -> " + r.body());
        }
        assertNull(resource(name));
        assertEquals(0, db.count("SELECT count(*) FROM access_policies WHERE name = ?", name));
    }

    @Test
    void getListUpdateAndDelete() {
        String name = unique("crud");
        String etag = api.post("/api/v1/policies", policyBody(name)).header("ETag");
        Res got = api.get("/api/v1/policies/" + name);
        assertEquals(200, got.status());
        assertEquals(etag, got.header("ETag"));
        assertTrue(api.get("/api/v1/policies?limit=1000").data().stream()
                .anyMatch(v -> v.asJsonObject().getString("name").equals(name)));

        Res upd = api.request("PUT", "/api/v1/policies/" + name).header("If-Match", etag)
                .json("{\"description\":null,\"egressRules\":[{\"cidr\":\"192.168.0.0/16\",\"protocol\":\"UDP\"}]}").send();
        assertEquals(200, upd.status(), upd.body());
        assertFalse(upd.json().containsKey("description"));
        assertEquals("UDP", upd.json().getJsonArray("egressRules").getJsonObject(0).getString("protocol"));
        assertEquals("research", upd.json().getJsonObject("tenantSelector").getString("matchTeam"), "kept");
        assertFalse(resource(name).getJsonObject("spec").containsKey("description"));
        assertEnvelope(api.request("PUT", "/api/v1/policies/" + name).header("If-Match", etag)
                .json("{\"description\":\"stale\"}").send(), 412, "PRECONDITION_FAILED");

        assertEquals(204, api.delete("/api/v1/policies/" + name).status());
        assertNull(resource(name));
        assertEnvelope(api.get("/api/v1/policies/" + name), 404, "POLICY_NOT_FOUND");
        assertEnvelope(api.delete("/api/v1/policies/" + name), 404, "POLICY_NOT_FOUND");
        assertEquals(3, db.count("SELECT count(*) FROM audit_log WHERE resource = ?", "AccessPolicy/" + name));
    }

    @Test
    void kubernetesDownIs502AndNothingStored() {
        String name = unique("down");
        kube.failNext("POST", "/accesspolicies", 503, 1);
        assertEnvelope(api.post("/api/v1/policies", policyBody(name)), 502, "UPSTREAM_ERROR");
        assertEquals(0, db.count("SELECT count(*) FROM access_policies WHERE name = ?", name));
    }
}
