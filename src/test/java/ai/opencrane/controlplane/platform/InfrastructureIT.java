package ai.opencrane.controlplane.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Res;

class InfrastructureIT {

    private final Api api = ControlPlane.api();

    @Test
    void healthzReportsTheDatabase() {
        Res r = api.anonymous().get("/healthz");
        assertEquals(200, r.status());
        assertEquals(true, r.json().getBoolean("db"));
        assertEquals("ok", r.json().getString("status"));
    }

    @Test
    void openApiDocumentIsPublicJson() {
        Res r = api.anonymous().get("/api/v1/openapi.json");
        assertEquals(200, r.status(), r.body());
        JsonObject doc = r.json();
        assertTrue(doc.getString("openapi").startsWith("3.1"), doc.getString("openapi"));
        assertTrue(doc.getJsonObject("paths").containsKey("/api/v1/audit"));
    }

    @Test
    void promServesPrometheusText() {
        Res r = api.anonymous().get("/prom");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("# TYPE"), r.body());
    }
}
