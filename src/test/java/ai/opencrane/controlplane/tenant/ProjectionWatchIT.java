package ai.opencrane.controlplane.tenant;

import static ai.opencrane.controlplane.testkit.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;
import ai.opencrane.controlplane.testkit.kube.KubeTestServer;

/** Changes made outside the API (kubectl, the operator) reach the projection by the watch alone. */
class ProjectionWatchIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private final KubeTestServer kube = ControlPlane.kube();


    private JsonObject edited(String name, String displayName) {
        JsonObject cr = kube.get(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name);
        return Json.createObjectBuilder(cr).add("spec",
                Json.createObjectBuilder(cr.getJsonObject("spec")).add("displayName", displayName)).build();
    }

    /** A Tenant resource as kubectl would apply it, without the API. */
    private static JsonObject byHand(String name, String displayName) {
        return Json.createObjectBuilder().add("apiVersion", CR_VERSION).add("kind", "Tenant")
                .add("metadata", Json.createObjectBuilder().add("name", name))
                .add("spec", Json.createObjectBuilder().add("displayName", displayName).add("email", "h@example.com"))
                .build();
    }

    private String displayName(String name) {
        Res r = api.get("/api/v1/tenants/" + name);
        return r.status() == 200 ? r.json().getString("displayName") : null;
    }

    @Test
    void anOutOfBandEditShowsUp() {
        String name = unique("oob");
        api.post("/api/v1/tenants", tenantBody(name));
        kube.apply(CR_VERSION, "tenants", ControlPlane.NAMESPACE, edited(name, "Edited by kubectl"));
        eventually("the edit is projected", () -> "Edited by kubectl".equals(displayName(name)));
    }

    @Test
    void anOperatorStatusChangeShowsUp() {
        String name = unique("status");
        api.post("/api/v1/tenants", tenantBody(name));
        kube.applyStatus(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name, Json.createObjectBuilder()
                .add("phase", "Running").add("ingressHost", name + ".example.com")
                .add("effectivePolicyRef", "standard").add("observedGeneration", 1).build());
        eventually("the status is projected", () -> {
            Res r = api.get("/api/v1/tenants/" + name);
            return "Running".equals(r.json().getString("phase"))
                    && (name + ".example.com").equals(r.json().getString("ingressHost", null));
        });
        assertEquals("standard", api.get("/api/v1/tenants/" + name).json().getString("effectivePolicyRef"));
    }

    @Test
    void aResourceCreatedOrDeletedByHandShowsUp() {
        String name = unique("byhand");
        kube.apply(CR_VERSION, "tenants", ControlPlane.NAMESPACE, byHand(name, "By Hand"));
        eventually("the new resource is projected", () -> "By Hand".equals(displayName(name)));
        kube.remove(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name);
        eventually("the deleted resource's row is gone",
                () -> db.count("SELECT count(*) FROM tenants WHERE name = ?", name) == 0);
    }

    @Test
    void theWatchResumesAfterTheConnectionDropsAndRelistsAfter410() {
        String name = unique("resume");
        api.post("/api/v1/tenants", tenantBody(name));
        eventually("a watch is open", () -> kube.watchCount() >= 2);
        kube.dropWatches();
        kube.apply(CR_VERSION, "tenants", ControlPlane.NAMESPACE, edited(name, "After drop"));
        eventually("the change after the drop is projected", () -> "After drop".equals(displayName(name)));

        eventually("the watch is open again", () -> kube.watchCount() >= 2);
        kube.compactHistory();
        kube.dropWatches();
        String gone = unique("gone");
        api.post("/api/v1/tenants", tenantBody(gone));
        kube.remove(CR_VERSION, "tenants", ControlPlane.NAMESPACE, gone);
        kube.apply(CR_VERSION, "tenants", ControlPlane.NAMESPACE, edited(name, "After 410"));
        eventually("the change after a 410 is projected", () -> "After 410".equals(displayName(name)));
        eventually("the resource deleted meanwhile is gone",
                () -> db.count("SELECT count(*) FROM tenants WHERE name = ?", gone) == 0);
        assertTrue(kube.requests().stream().anyMatch(r -> r.contains("watch=true")));
    }

    @Test
    void aTenantCreatedWhileTheWatchRelistsKeepsItsRow() {
        // More than a page (500) of tenants, so the relist reads a second page after the API made a tenant whose
        // name falls on the first; the test server pages over live data, each page at its current version.
        // The fill goes at the end: each of its tenants gets a LiteLLM key, which the later budget tests would sweep.
        String fill = unique("pagefill");
        List<String> made = new ArrayList<>();
        String early = "aaaa" + unique("relist");
        try {
            for (int i = kube.list(CR_VERSION, "tenants", ControlPlane.NAMESPACE).size(); i <= 500; i++) {
                made.add(fill + "-" + i);
                kube.apply(CR_VERSION, "tenants", ControlPlane.NAMESPACE, byHand(fill + "-" + i, "Fill"));
            }
            int fills = made.size();
            eventually("the watch projected them",
                    () -> db.count("SELECT count(*) FROM tenants WHERE name LIKE ?", fill + "-%") == fills);
            eventually("a watch is open", () -> kube.watchCount() >= 2);
            int seen = kube.requests().size();
            // the relist's next page (the reconciler's scans read 200 at a time), within the tests' 3 s Kubernetes timeout
            kube.delayNext("GET", "&limit=500", 1500, 1);
            kube.compactHistory();
            kube.dropWatches();
            eventually("the relist read its first page", () -> tenantListings(seen).anyMatch(r -> r.contains("/tenants?limit=500")));
            made.add(early);
            assertEquals(201, api.post("/api/v1/tenants", tenantBody(early)).status());
            eventually("the relist read its second page", () -> tenantListings(seen).anyMatch(r -> r.contains("&limit=500")));
            eventually("the watch is open again", () -> kube.watchCount() >= 2);
            assertEquals(1, db.count("SELECT count(*) FROM tenants WHERE name = ?", early), "the relist removed a live tenant's row");
            assertEquals(200, api.get("/api/v1/tenants/" + early).status());
        } finally {
            made.forEach(name -> kube.remove(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name));
            eventually("the fill's rows are gone",
                    () -> db.count("SELECT count(*) FROM tenants WHERE name LIKE ? OR name = ?", fill + "-%", early) == 0);
        }
    }

    private Stream<String> tenantListings(int after) {
        return kube.requests().stream().skip(after).filter(r -> r.startsWith("GET ") && r.contains("/tenants?"));
    }

    @Test
    void anIfMatchFromBeforeAnOutOfBandEditIs412() {
        String name = unique("race");
        String etag = api.post("/api/v1/tenants", tenantBody(name)).header("ETag");
        kube.apply(CR_VERSION, "tenants", ControlPlane.NAMESPACE, edited(name, "Someone else"));
        Res r = api.request("PUT", "/api/v1/tenants/" + name).header("If-Match", etag).json("{\"displayName\":\"Mine\"}").send();
        assertEquals(412, r.status(), r.body());
        assertEquals("Someone else", kube.get(CR_VERSION, "tenants", ControlPlane.NAMESPACE, name)
                .getJsonObject("spec").getString("displayName"));
    }
}
