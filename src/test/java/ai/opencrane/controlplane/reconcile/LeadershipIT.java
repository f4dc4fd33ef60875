package ai.opencrane.controlplane.reconcile;

import static ai.opencrane.controlplane.testkit.Fixtures.eventually;
import static ai.opencrane.controlplane.testkit.Fixtures.tenantBody;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;

/** With two replicas on one database, one leads (watch and reconciler) and the other stays idle. */
class LeadershipIT {

    private static final Pattern LEADER = Pattern.compile("opencrane_reconcile_leader\\{[^}]*} ([0-9.]+)");

    static double leaderGauge(Api api) {
        Matcher m = LEADER.matcher(api.anonymous().get("/prom").body());
        assertTrue(m.find(), "leader gauge exported");
        return Double.parseDouble(m.group(1));
    }

    @AfterAll
    static void stopTheReplica() {
        ControlPlane.get().stopReplica();
    }

    @Test
    void aSecondReplicaStaysIdleWhileTheFirstLeads() {
        ControlPlane plane = ControlPlane.get();
        Api primary = plane.api;
        Api replica = plane.replica();
        eventually("the first replica leads", () -> leaderGauge(primary) == 1.0);
        assertEquals(0.0, leaderGauge(replica), "the second replica does not lead");
        assertFalse(plane.log(true).contains("this replica leads"), "the replica never took the lock");
        assertTrue(plane.log(false).contains("this replica leads"));

        String name = unique("replica");
        assertEquals(201, replica.post("/api/v1/tenants", tenantBody(name)).status(), "the replica serves writes");
        assertEquals(200, primary.get("/api/v1/tenants/" + name).status(), "and both see them");
        assertEquals(1, plane.kube.watchCount() / 2, "one watch per kind, from the leader only");
    }
}
