package ai.opencrane.controlplane.reliability;

import static ai.opencrane.controlplane.testkit.Fixtures.CR_VERSION;
import static ai.opencrane.controlplane.testkit.Fixtures.eventually;
import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.kube.KubeTestServer;

/**
 * Dependencies failing under writes: every answer is either a success whose write is durable or an
 * error envelope after which nothing is left behind, and the server recovers by itself.
 */
class FaultsIT {

    private static final Set<String> FAILURE_CODES = Set.of("UPSTREAM_ERROR", "TIMEOUT", "INTERNAL_ERROR");
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final KubeTestServer kube = ControlPlane.kube();

    record Outcome(String name, Res res) {
    }

    private boolean resourceExists(String name) {
        return kube.get(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name) != null;
    }

    private long rows(String name) {
        return db.count("SELECT count(*) FROM tenants WHERE name = ?", name);
    }

    private void assertConsistent(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.res().status() == 201) {
                assertEquals(1, rows(o.name()), "a created tenant is durable: " + o.name());
                assertTrue(resourceExists(o.name()), o.name());
                assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE tenant = ? AND action = 'Created'", o.name()));
            } else {
                assertTrue(o.res().status() >= 500, o.res().toString());
                assertTrue(FAILURE_CODES.contains(o.res().code()), o.res().toString());
                eventually("nothing left of the failed create of " + o.name(),
                        () -> rows(o.name()) == 0 && !resourceExists(o.name()));
            }
        }
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        ControlPlane.kube().clearFaults();
        ControlPlane.kube().startListening();
    }

    @Test
    void aDatabaseRestartDuringWritesLosesNothingAndLeavesNothing() throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(6);
        for (int w = 0; w < 6; w++) {
            writers.submit(() -> {
                while (running.get()) {
                    String name = unique("pgr");
                    outcomes.add(new Outcome(name, api.post("/api/v1/tenants", tenantBody(name))));
                }
                return null;
            });
        }
        Thread.sleep(1500);
        ControlPlane.get().dbProxy.cut();
        boolean degraded = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            Res h = api.anonymous().get("/healthz");
            if (h.status() == 503 && h.body().contains("\"degraded\"")) {
                degraded = true;
            }
            Thread.sleep(200);
        }
        ControlPlane.get().dbProxy.restore();
        Thread.sleep(2500);
        running.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));

        assertTrue(degraded, "/healthz reported degraded while the database was away");
        eventually("healthy again", () -> api.anonymous().get("/healthz").status() == 200);
        long created = outcomes.stream().filter(o -> o.res().status() == 201).count();
        long failed = outcomes.size() - created;
        assertTrue(created > 0 && failed > 0, "the load saw both sides of the restart: " + created + "/" + failed);
        assertConsistent(outcomes);
        String after = unique("recovered");
        assertEquals(201, api.post("/api/v1/tenants", tenantBody(after)).status(), "recovered without a restart");
    }

    @Test
    void kubernetesFailingDuringWritesLeavesNoOrphanAndNoDrift() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = unique("kf");
            switch (i % 4) {
                case 0 -> kube.failNext("POST", "/tenants", 500, 1);
                case 1 -> kube.delayNext("POST", "/tenants", 4500, 1);
                case 2 -> kube.stopListening();
                default -> { }
            }
            try {
                outcomes.add(new Outcome(name, api.post("/api/v1/tenants", tenantBody(name))));
            } finally {
                kube.startListening();
            }
        }
        String updated = outcomes.stream().filter(o -> o.res().status() == 201).findFirst().orElseThrow().name();
        kube.failNext("PATCH", "/tenants/" + updated, 500, 1);
        Res update = api.put("/api/v1/tenants/" + updated, "{\"displayName\":\"Not applied\"}");
        assertEquals(502, update.status(), update.body());
        assertEquals("Alice Example", api.get("/api/v1/tenants/" + updated).json().getString("displayName"));

        assertConsistent(outcomes);
        eventually("no drift for these tenants after the next reconcile", () -> {
            Res drift = api.get("/api/v1/tenants/drift");
            return drift.json().getJsonArray("mismatches").stream().map(JsonValue::asJsonObject)
                    .noneMatch(m -> outcomes.stream().anyMatch(o -> o.name().equals(m.getString("name"))));
        });
    }
}
