package ai.opencrane.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

/** The conventions every route keeps: envelope, authentication, pagination. */
public class ConventionsIT {

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    public static void assertEnvelope(Res r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonObject body = r.json();
        assertEquals(code, body.getString("code"), r.body());
        assertFalse(body.getString("error").isBlank());
        assertNotNull(body.getJsonObject("detail").getString("requestId"));
        assertEquals(r.header("X-Request-Id"), body.getJsonObject("detail").getString("requestId"));
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("at ai.opencrane"), r.body());
    }

    @Test
    void missingCredentialsAre401InTheEnvelope() {
        Res r = api.anonymous().get("/api/v1/audit");
        assertEnvelope(r, 401, "UNAUTHORIZED");
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void wrongTokenAndWrongSchemeAre401() {
        assertEnvelope(api.as("not-the-token").get("/api/v1/audit"), 401, "UNAUTHORIZED");
        Res basic = api.anonymous().request("GET", "/api/v1/audit").header("Authorization", "Basic YTpi").send();
        assertEnvelope(basic, 401, "UNAUTHORIZED");
        assertEnvelope(api.anonymous().request("GET", "/api/v1/audit").header("Authorization", "Bearer ").send(),
                401, "UNAUTHORIZED");
    }

    @Test
    void unknownRouteIs404InTheEnvelope() {
        assertEnvelope(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
        assertEnvelope(api.get("/api/v1/audit/x/y"), 404, "NOT_FOUND");
    }

    @Test
    void bodyProblemsAre4xxInTheEnvelopeAndChangeNothing() {
        long before = db.count("SELECT count(*) FROM tenants");
        assertEnvelope(api.request("POST", "/api/v1/tenants").body("text/plain", "name=x".getBytes()).send(),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertEnvelope(api.request("POST", "/api/v1/tenants").body("application/json", new byte[0]).send(),
                400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/tenants", "{\"name\": \"x\""), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/tenants", "[1,2]"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/tenants", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                400, "VALIDATION_ERROR");
        byte[] badUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEnvelope(api.request("POST", "/api/v1/tenants").body("application/json", badUtf8).send(),
                400, "VALIDATION_ERROR");
        Res unknown = api.post("/api/v1/tenants",
                "{\"name\":\"unknown-field\",\"displayName\":\"x\",\"email\":\"a@b.co\",\"isAdmin\":true}");
        assertEnvelope(unknown, 400, "VALIDATION_ERROR");
        assertEquals("unknown field", unknown.json().getJsonObject("detail").getJsonObject("fields").getString("isAdmin"));
        Res huge = api.post("/api/v1/tenants", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}");
        assertEnvelope(huge, 413, "PAYLOAD_TOO_LARGE");
        assertEquals(before, db.count("SELECT count(*) FROM tenants"));
    }

    @Test
    void pathsTheContainerRefusesStillAnswerInTheEnvelope() {
        Res outside = api.get("/no/such/path");
        assertEquals(404, outside.status());
        assertEquals("NOT_FOUND", outside.json().getString("code"));
        Res encodedSlash = api.get("/api/v1/tenants/a%2Fb");
        assertEquals(400, encodedSlash.status());
        assertEquals("VALIDATION_ERROR", encodedSlash.json().getString("code"));
        Res notAcceptable = api.request("GET", "/api/v1/audit").header("Accept", "text/html").send();
        assertEnvelope(notAcceptable, 406, "NOT_ACCEPTABLE");
    }

    @Test
    void theOpenApiDocumentListsTheSeedRoutes() {
        JsonObject paths = api.anonymous().get("/api/v1/openapi.json").json().getJsonObject("paths");
        for (String p : List.of("/api/v1/tenants", "/api/v1/tenants/{name}", "/api/v1/tenants/{name}/suspend",
                "/api/v1/tenants/{name}/resume", "/api/v1/tenants/{name}/datasets", "/api/v1/tenants/drift",
                "/api/v1/tenants/repair", "/api/v1/policies", "/api/v1/policies/{name}", "/api/v1/policies/drift",
                "/api/v1/policies/repair", "/api/v1/audit", "/api/v1/metrics/projection-drift", "/api/v1/openapi.json")) {
            assertTrue(paths.containsKey(p), "missing " + p);
        }
        JsonObject doc = api.anonymous().get("/api/v1/openapi.json").json();
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearerAuth"));
        assertTrue(doc.getJsonObject("components").getJsonObject("schemas").containsKey("Error"));
    }

    @Test
    void wrongMethodIs405InTheEnvelope() {
        Res r = api.delete("/api/v1/audit");
        assertEnvelope(r, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void clientRequestIdIsKeptAndBadOnesReplaced() {
        Res r = api.request("GET", "/api/v1/no-such-thing").header("X-Request-Id", "client-req-0001").send();
        assertEquals("client-req-0001", r.json().getJsonObject("detail").getString("requestId"));
        Res bad = api.request("GET", "/api/v1/no-such-thing").header("X-Request-Id", "<script>").send();
        assertFalse(bad.body().contains("<script>"));
    }

    @Test
    void invalidLimitAndCursorAre400() {
        assertEnvelope(api.get("/api/v1/audit?limit=0"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get("/api/v1/audit?limit=1001"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get("/api/v1/audit?limit=ten"), 400, "VALIDATION_ERROR");
        Res cursor = api.get("/api/v1/audit?cursor=not-a-cursor");
        assertEnvelope(cursor, 400, "VALIDATION_ERROR");
        assertTrue(cursor.json().getJsonObject("detail").getJsonObject("fields").containsKey("cursor"));
        // well-formed base64 of the wrong shape
        assertEnvelope(api.get("/api/v1/audit?cursor=WyJ4Il0"), 400, "VALIDATION_ERROR");
    }

    @Test
    void auditPagesThroughEqualTimestampsWithoutSkipsOrRepeats() {
        String tenant = "page-" + System.nanoTime();
        for (int i = 0; i < 25; i++) {
            db.update("INSERT INTO audit_log (at, actor, action, resource, tenant, message) "
                    + "VALUES ('2026-01-01T00:00:00Z', 'test', 'Created', 'Tenant/x', ?, ?)", tenant, "entry " + i);
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Res r = api.get("/api/v1/audit?tenant=" + tenant + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            for (JsonValue v : r.data()) {
                String id = v.asJsonObject().getString("id");
                assertTrue(seen.add(id), "repeated " + id);
                order.add(id);
            }
            JsonObject p = r.json().getJsonObject("pagination");
            assertEquals(4, p.getInt("limit"));
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
            assertEquals(p.getBoolean("hasMore"), p.containsKey("nextCursor"));
            pages++;
        } while (cursor != null);
        assertEquals(25, seen.size());
        assertEquals(7, pages);
        List<Long> ids = order.stream().map(Long::parseLong).toList();
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) > ids.get(i), "newest first by id within one timestamp");
        }
    }

    @Test
    void everyNonPublicRouteInTheOpenApiDocumentNeedsCredentials() {
        JsonObject doc = api.anonymous().get("/api/v1/openapi.json").json();
        int checked = 0;
        for (Map.Entry<String, JsonValue> path : doc.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                boolean isPublic = operation.containsKey("security") && operation.getJsonArray("security").isEmpty();
                String url = path.getKey().replaceAll("\\{[^}]+}", "x");
                Res r = api.anonymous().request(op.getKey().toUpperCase(), url)
                        .json("{}").send();
                if (isPublic) {
                    assertTrue(r.status() != 401, op.getKey() + " " + url + " is public but answered 401");
                } else {
                    assertEnvelope(r, 401, "UNAUTHORIZED");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }
}
