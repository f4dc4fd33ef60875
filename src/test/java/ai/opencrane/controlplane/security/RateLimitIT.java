package ai.opencrane.controlplane.security;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

/** Failed authentication is limited per client address (the test server allows 50 per minute) and audited. */
class RateLimitIT {

    private static final int LIMIT = 50;
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    @Test
    void anAddressThatKeepsFailingGets429ForEverythingUntilItsWindowEnds() {
        String address = "203.0.113." + (1 + (int) (System.nanoTime() % 250));
        Api guesser = api.from(address);
        String guess = "guess-" + System.nanoTime();
        for (int i = 0; i < LIMIT; i++) {
            assertEnvelope(guesser.as(guess + i).get("/api/v1/audit?limit=1"), 401, "UNAUTHORIZED");
        }
        Res limited = guesser.as(guess).get("/api/v1/audit?limit=1");
        assertEnvelope(limited, 429, "TOO_MANY_REQUESTS");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After"));
        assertEnvelope(guesser.get("/api/v1/audit?limit=1"), 429, "TOO_MANY_REQUESTS");
        assertFalse(guesser.get("/api/v1/auth/me").json().getBoolean("authenticated"),
                "a public route does not evaluate credentials for a limited address either");
        assertEquals(200, api.from("203.0.113.251").get("/api/v1/audit?limit=1").status(), "other addresses are unaffected");
        assertEquals(200, api.anonymous().get("/healthz").status());

        List<Map<String, Object>> audit = db.rows("SELECT action, actor, message, metadata::text AS metadata FROM audit_log "
                + "WHERE metadata->>'clientAddress' = ? AND action LIKE 'Authentication%' ORDER BY id", address);
        assertTrue(audit.size() >= LIMIT, "each failure is audited: " + audit.size());
        assertEquals(1, audit.stream().filter(r -> r.get("action").equals("AuthenticationRateLimited")).count());
        assertEquals("anonymous", audit.get(0).get("actor"));
        assertFalse(audit.toString().contains(guess), "the presented credential is never recorded");
    }
}
