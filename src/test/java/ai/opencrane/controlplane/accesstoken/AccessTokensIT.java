package ai.opencrane.controlplane.accesstoken;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.platform.NotifiedCache;
import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

class AccessTokensIT {

    private final Api api = ControlPlane.api();
    /** Requests that are refused on purpose come from this address, so they use their own failure limit. */
    private final Api refused = api.from("198.51.100.10");
    private final Db db = ControlPlane.db();

    private JsonObject create(String body) {
        Res r = api.post("/api/v1/access-tokens", body);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void createShowsThePlainTokenOnceAndStoresOnlyItsHash() {
        String name = unique("ci");
        Res r = api.post("/api/v1/access-tokens", "{\"name\":\"" + name + "\",\"owner\":\"ci-bot\"}");
        assertEquals(201, r.status(), r.body());
        JsonObject created = r.json();
        String id = created.getString("id");
        String plain = created.getString("plainTextToken");
        assertTrue(plain.matches("ocp_[0-9a-f]{48}"), plain);
        assertEquals(name, created.getString("name"));
        assertEquals("ci-bot", created.getString("owner"));
        assertEquals("static-token", created.getString("createdBy"));
        assertEquals(List.of("read", "write"), created.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(created.containsKey("expiresAt"));
        Instant.parse(created.getString("createdAt"));
        assertTrue(r.header("Location").endsWith("/api/v1/access-tokens/" + id), r.header("Location"));
        assertEquals("no-store", r.header("Cache-Control"));

        Map<String, Object> row = db.rows("SELECT * FROM access_tokens WHERE id = ?", id).get(0);
        assertEquals(Tokens.sha256Hex(plain), row.get("token_sha256"));
        assertFalse(row.values().stream().anyMatch(v -> String.valueOf(v).contains(plain.substring(4))),
                "the plain token is stored nowhere");

        JsonObject listed = find(id);
        assertFalse(listed.containsKey("plainTextToken"));
        assertFalse(listed.toString().contains(plain.substring(4)));
        assertFalse(listed.toString().contains(Tokens.sha256Hex(plain)));
        assertEquals("ci-bot", listed.getString("owner"));
    }

    @Test
    void aTokenAuthenticatesAsItsCreatorAndItsUseIsRecorded() {
        JsonObject created = create("{\"name\":\"" + unique("use") + "\"}");
        String plain = created.getString("plainTextToken");
        Res me = api.as(plain).get("/api/v1/auth/me");
        assertEquals(200, me.status(), me.body());
        assertEquals("token", me.json().getString("method"));
        assertEquals("static-token", me.json().getJsonObject("user").getString("sub"));
        assertEquals(200, api.as(plain).get("/api/v1/audit?limit=1").status());
        assertEquals("static-token", created.getString("owner"), "owner defaults to the creating principal");
        assertTrue(find(created.getString("id")).containsKey("lastUsedAt"));
    }

    @Test
    void ownerDefaultsToTheCreatingPrincipalWhoeverItIs() {
        String jwt = ControlPlane.oidc().jwt("carol-" + System.nanoTime(), "opencrane", Map.of(), 600);
        String subject = api.as(jwt).get("/api/v1/auth/me").json().getJsonObject("user").getString("sub");
        Res r = api.as(jwt).post("/api/v1/access-tokens", "{\"name\":\"by-jwt\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals(subject, r.json().getString("owner"));
        assertEquals(subject, r.json().getString("createdBy"));
        Res labelled = api.as(jwt).post("/api/v1/access-tokens", "{\"name\":\"by-jwt\",\"owner\":\"someone else\"}");
        assertEquals("someone else", labelled.json().getString("owner"));
        assertEquals(subject, labelled.json().getString("createdBy"), "the creator is recorded either way");
        String labelledToken = labelled.json().getString("plainTextToken");
        assertEquals(subject, api.as(labelledToken).get("/api/v1/auth/me").json().getJsonObject("user").getString("sub"),
                "the label does not change who the token acts as");
    }

    @Test
    void aReadScopedTokenMayOnlyRead() {
        JsonObject created = create("{\"name\":\"" + unique("reader") + "\",\"scopes\":[\"read\"]}");
        assertEquals(List.of("read"), created.getJsonArray("scopes").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        Api reader = api.as(created.getString("plainTextToken"));
        assertEquals(200, reader.get("/api/v1/access-tokens").status());
        assertEnvelope(reader.post("/api/v1/access-tokens", "{\"name\":\"escalate\"}"), 403, "FORBIDDEN");
        assertEnvelope(reader.delete("/api/v1/access-tokens/" + created.getString("id")), 403, "FORBIDDEN");
        assertEnvelope(reader.put("/api/v1/providers/keys", "{\"provider\":\"openai\",\"apiKey\":\"sk-x\"}"), 403, "FORBIDDEN");
        assertEquals(200, reader.get("/api/v1/access-tokens").status(), "still valid after refused mutations");
    }

    @Test
    void invalidRequestsAre400() {
        Res past = api.post("/api/v1/access-tokens", "{\"name\":\"x\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertEnvelope(past, 400, "VALIDATION_ERROR");
        assertTrue(past.json().getJsonObject("detail").getJsonObject("fields").containsKey("expiresAt"));
        assertEnvelope(api.post("/api/v1/access-tokens", "{\"name\":\"x\",\"expiresAt\":\"tomorrow\"}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/access-tokens", "{\"name\":\"x\",\"scopes\":[\"admin\"]}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/access-tokens", "{\"name\":\"x\",\"scopes\":[]}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/access-tokens", "{\"name\":\"x\",\"role\":\"admin\"}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.post("/api/v1/access-tokens", "{\"name\":\"" + "n".repeat(201) + "\"}"), 400, "VALIDATION_ERROR");
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        Instant expires = Instant.now().plusSeconds(3);
        JsonObject created = create("{\"name\":\"" + unique("short") + "\",\"expiresAt\":\"" + expires + "\"}");
        Api user = refused.as(created.getString("plainTextToken"));
        assertEquals(200, user.get("/api/v1/access-tokens?limit=1").status(), "valid, and now cached");
        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 200);
        assertEnvelope(user.get("/api/v1/access-tokens?limit=1"), 401, "UNAUTHORIZED");
    }

    @Test
    void anExpiryChangedInTheDatabaseTakesEffectAtOnce() throws InterruptedException {
        JsonObject created = create("{\"name\":\"" + unique("edited") + "\"}");
        Api user = refused.as(created.getString("plainTextToken"));
        assertEquals(200, user.get("/api/v1/access-tokens?limit=1").status());
        db.update("UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = ?", created.getString("id"));
        assertEquals(401, awaitStatus(user, 401, NotifiedCache.TRUST_WINDOW_NANOS / 1_000_000),
                "the trigger's notification empties the cache");
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
        for (int i = 0; i < 5; i++) {
            JsonObject created = create("{\"name\":\"" + unique("revoked") + "\"}");
            Api user = refused.as(created.getString("plainTextToken"));
            assertEquals(200, user.get("/api/v1/access-tokens?limit=1").status());
            assertEquals(200, user.get("/api/v1/access-tokens?limit=1").status(), "served from the cache");
            Res deleted = api.delete("/api/v1/access-tokens/" + created.getString("id"));
            assertEquals(204, deleted.status(), deleted.body());
            assertEnvelope(user.get("/api/v1/access-tokens?limit=1"), 401, "UNAUTHORIZED");
            assertEnvelope(api.delete("/api/v1/access-tokens/" + created.getString("id")), 404, "TOKEN_NOT_FOUND");
        }
    }

    @Test
    void aRevocationByAnotherReplicaReachesThisOne() throws InterruptedException {
        JsonObject created = create("{\"name\":\"" + unique("elsewhere") + "\"}");
        Api user = refused.as(created.getString("plainTextToken"));
        assertEquals(200, user.get("/api/v1/access-tokens?limit=1").status());
        // what another replica's DELETE does to the shared database
        long start = System.nanoTime();
        db.update("DELETE FROM access_tokens WHERE id = ?", created.getString("id"));
        // the guarantee: refused once the notification arrives, and never later than the cache's trust window
        assertEquals(401, awaitStatus(user, 401, NotifiedCache.TRUST_WINDOW_NANOS / 1_000_000));
        System.out.printf("revocation by SQL refused after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void unknownAndMalformedTokensAre401() {
        assertEnvelope(refused.as("ocp_" + "0".repeat(48)).get("/api/v1/audit"), 401, "UNAUTHORIZED");
        assertEnvelope(refused.as("ocp_not-a-token").get("/api/v1/audit"), 401, "UNAUTHORIZED");
        assertEnvelope(refused.as("ocp_" + "A".repeat(48)).get("/api/v1/audit"), 401, "UNAUTHORIZED");
    }

    @Test
    void unknownIdIs404() {
        assertEnvelope(api.delete("/api/v1/access-tokens/no-such-token"), 404, "TOKEN_NOT_FOUND");
    }

    @Test
    void listingPagesNewestFirstWithoutRepeats() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(create("{\"name\":\"" + unique("page") + "\"}").getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Res r = api.get("/api/v1/access-tokens?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            for (JsonValue v : r.data()) {
                String id = v.asJsonObject().getString("id");
                assertFalse(seen.contains(id), "repeated " + id);
                seen.add(id);
            }
            JsonObject p = r.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
        } while (cursor != null);
        List<String> order = seen.stream().filter(mine::contains).toList();
        assertEquals(List.of(mine.get(2), mine.get(1), mine.get(0)), order);
    }

    @Test
    void creationAndRevocationAreAuditedWithoutTheToken() {
        JsonObject created = create("{\"name\":\"" + unique("audited") + "\"}");
        String id = created.getString("id");
        String plain = created.getString("plainTextToken");
        assertEquals(204, api.delete("/api/v1/access-tokens/" + id).status());
        List<Map<String, Object>> rows = db.rows(
                "SELECT actor, action, message, metadata::text AS metadata FROM audit_log WHERE resource = ? ORDER BY id",
                "AccessToken/" + id);
        assertEquals(List.of("Created", "Revoked"), rows.stream().map(r -> r.get("action")).toList());
        assertEquals("static-token", rows.get(0).get("actor"));
        for (Map<String, Object> row : rows) {
            assertFalse(row.toString().contains(plain.substring(4)), row.toString());
            assertFalse(row.toString().contains(Tokens.sha256Hex(plain)), row.toString());
        }
    }

    private JsonObject find(String id) {
        String cursor = null;
        do {
            Res r = api.get("/api/v1/access-tokens?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonValue v : r.data()) {
                if (v.asJsonObject().getString("id").equals(id)) {
                    return v.asJsonObject();
                }
            }
            JsonObject p = r.json().getJsonObject("pagination");
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
        } while (cursor != null);
        throw new AssertionError("token " + id + " not listed");
    }

    private static int awaitStatus(Api user, int wanted, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        int status;
        do {
            status = user.get("/api/v1/access-tokens?limit=1").status();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return status;
    }
}
