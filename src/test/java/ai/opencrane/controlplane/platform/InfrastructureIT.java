package ai.opencrane.controlplane.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
    void serverMetricsAreMeasured() {
        String name = ai.opencrane.controlplane.testkit.Fixtures.unique("metrics");
        assertEquals(201, api.post("/api/v1/tenants", ai.opencrane.controlplane.testkit.Fixtures.tenantBody(name)).status());
        long active = ControlPlane.db().count("SELECT count(*) FROM tenants WHERE NOT suspended");
        Res r = api.get("/api/v1/metrics/server");
        assertEquals(200, r.status(), r.body());
        JsonObject m = r.json();
        double cpu = m.getJsonNumber("cpuPercent").doubleValue();
        assertTrue(cpu >= 0 && cpu <= 100, r.body());
        long used = m.getJsonNumber("memoryUsedBytes").longValue();
        long total = m.getJsonNumber("memoryTotalBytes").longValue();
        assertTrue(used > 50L << 20 && used < total, "resident memory of a running Liberty: " + r.body());
        long dbSize = ControlPlane.db().count("SELECT pg_database_size(current_database())");
        long storage = m.getJsonNumber("storageUsedBytes").longValue();
        assertTrue(storage > 1L << 20 && Math.abs(storage - dbSize) < 64L << 20, r.body());
        assertTrue(m.getJsonNumber("activeTenants").longValue() >= 1);
        assertTrue(Math.abs(m.getJsonNumber("activeTenants").longValue() - active) <= 2, r.body());
        assertTrue(java.time.Duration.between(java.time.Instant.parse(m.getString("sampledAt")), java.time.Instant.now())
                .abs().getSeconds() < 60);
    }

    @Test
    void promServesPrometheusText() {
        Res r = api.anonymous().get("/prom");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("# TYPE"), r.body());
        assertTrue(r.body().contains("opencrane_tenants"), "application gauges are exported");
        assertTrue(r.body().contains("jvm_"), "server metrics are exported");
    }

    @Test
    void requestTimersAreHistogramsWithoutQuantiles() {
        assertEquals(200, api.get("/api/v1/tenants?limit=1").status());
        String body = api.anonymous().get("/prom").body();
        String list = "REST_request_seconds_bucket{class=\"ai.opencrane.controlplane.tenant.TenantsResource\",method=\"list_";
        List<String> buckets = body.lines().filter(l -> l.startsWith(list)).toList();
        assertEquals(12, buckets.size(), "11 configured buckets and +Inf: " + buckets);
        assertTrue(buckets.get(0).contains("le=\"0.005\"") && buckets.get(11).contains("le=\"+Inf\""), buckets.toString());
        assertTrue(Double.parseDouble(buckets.get(11).substring(buckets.get(11).lastIndexOf(' ') + 1)) >= 1, buckets.toString());
        assertFalse(body.contains("quantile="), "no sliding-window quantiles");
    }
}
