package ai.opencrane.controlplane.security;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.OidcProvider;
import ai.opencrane.controlplane.testkit.Res;

/** Access tokens issued by the identity provider, verified by the container (mpJwt) and accepted by the gate. */
class JwtIT {

    private final Api api = ControlPlane.api();
    private final Api refused = api.from("198.51.100.30");
    private final OidcProvider idp = ControlPlane.oidc();

    @Test
    void aValidJwtIsAcceptedAsItsSubjectAgainAndAgain() {
        String subject = "svc-" + System.nanoTime();
        String jwt = idp.jwt(subject, OidcProvider.CLIENT_ID, Map.of("email", subject + "@example.com", "name", "Service"), 600);
        Res me = api.as(jwt).get("/api/v1/auth/me");
        assertEquals(200, me.status(), me.body());
        JsonObject body = me.json();
        assertTrue(body.getBoolean("authenticated"));
        assertEquals("jwt", body.getString("method"));
        assertEquals(subject, body.getJsonObject("user").getString("sub"));
        assertEquals(idp.issuer(), body.getJsonObject("user").getString("issuer"));
        assertEquals(subject + "@example.com", body.getJsonObject("user").getString("email"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.as(jwt).get("/api/v1/audit?limit=1").status(), "reuse " + i);
        }
        Res created = api.as(jwt).post("/api/v1/access-tokens", "{\"name\":\"by-a-service\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(subject, created.json().getString("createdBy"), "changes are made as the token's subject");
    }

    @Test
    void theWrongAudienceIs401() {
        String jwt = idp.jwt("svc", "someone-else", Map.of(), 600);
        assertEnvelope(refused.as(jwt).get("/api/v1/audit?limit=1"), 401, "UNAUTHORIZED");
    }

    @Test
    void anExpiredJwtIs401() {
        long now = System.currentTimeMillis() / 1000;
        // issued 20 minutes ago, expired 10 minutes ago: beyond the allowed clock skew
        String jwt = idp.jwt("svc", OidcProvider.CLIENT_ID, Map.of("iat", now - 1200, "nbf", now - 1200), -600);
        assertEnvelope(refused.as(jwt).get("/api/v1/audit?limit=1"), 401, "UNAUTHORIZED");
    }

    @Test
    void aBadSignatureIs401() {
        String jwt = idp.jwt("svc", OidcProvider.CLIENT_ID, Map.of(), 600);
        int dot = jwt.lastIndexOf('.');
        int i = dot + (jwt.length() - dot) / 2;
        String tampered = jwt.substring(0, i) + (jwt.charAt(i) == 'A' ? 'B' : 'A') + jwt.substring(i + 1);
        assertEnvelope(refused.as(tampered).get("/api/v1/audit?limit=1"), 401, "UNAUTHORIZED");
        // a payload changed under the original signature
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"admin\",\"iss\":\"" + idp.issuer() + "\",\"aud\":\"opencrane\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600)
                        + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertEnvelope(refused.as(forged).get("/api/v1/audit?limit=1"), 401, "UNAUTHORIZED");
    }

    @Test
    void anotherIssuersJwtIs401() {
        assertEnvelope(refused.as(idp.foreignJwt("svc")).get("/api/v1/audit?limit=1"), 401, "UNAUTHORIZED");
    }
}
