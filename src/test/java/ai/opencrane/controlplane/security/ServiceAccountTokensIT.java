package ai.opencrane.controlplane.security;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Res;

/** Workloads in the cluster call the API with their projected service-account token, reviewed by the API server. */
class ServiceAccountTokensIT {

    private final Api api = ControlPlane.api();

    /** A JWT-shaped token (the API server, not the control plane, decides whether it is valid). */
    static String token(String name) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k8s\"}".getBytes()) + "."
                + b64.encodeToString(("{\"iss\":\"https://kubernetes.default.svc\",\"sub\":\"" + name + "\"}").getBytes())
                + "." + b64.encodeToString(unique("sig").getBytes());
    }

    @Test
    void aTokenOfAnAllowedServiceAccountIsAccepted() {
        String user = "system:serviceaccount:" + ControlPlane.NAMESPACE + ":" + unique("automation");
        String token = token(user);
        ControlPlane.kube().acceptToken(token, user);
        Res r = api.as(token).get("/api/v1/tenants?limit=1");
        assertEquals(200, r.status(), r.body());
        Res me = api.as(token).get("/api/v1/auth/me");
        assertEquals(200, me.status(), me.body());
        assertTrue(me.body().contains(user), me.body());
        assertTrue(ControlPlane.kube().requests().stream().anyMatch(q -> q.startsWith("POST /apis/authentication.k8s.io/v1/tokenreviews")));
    }

    @Test
    void unknownTokensAndOtherNamespacesAreRefused() {
        assertEnvelope(api.as(token("system:serviceaccount:" + ControlPlane.NAMESPACE + ":nobody")).get("/api/v1/tenants"),
                401, "UNAUTHORIZED");
        String foreign = "system:serviceaccount:elsewhere:" + unique("intruder");
        String token = token(foreign);
        ControlPlane.kube().acceptToken(token, foreign);
        assertEnvelope(api.as(token).get("/api/v1/tenants"), 401, "UNAUTHORIZED");
    }
}
