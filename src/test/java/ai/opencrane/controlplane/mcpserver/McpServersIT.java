package ai.opencrane.controlplane.mcpserver;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Catalogue;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

class McpServersIT {

    private static final String BASE = "/api/v1/mcp-servers";
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    @Test
    void createGetUpdateDeleteRoundTripWithEveryField() {
        JsonObject source = Catalogue.source(Catalogue.unique("src"));
        JsonObject group = Catalogue.group(Catalogue.unique("eng"), "");
        String name = Catalogue.unique("GitHub MCP");
        Res created = api.post(BASE, """
                {"name": "%s", "description": "Issues and PRs", "endpoint": "https://github-mcp.example.com/mcp",
                 "scope": "department", "transport": "sse", "status": "active",
                 "capabilities": [" tools ", "resources", "tools", "prompts"],
                 "sourceId": "%s", "lastSyncedAt": "2026-10-01T08:30:00Z",
                 "grants": [
                   {"subjectType": "tenant", "subjectId": "alice", "access": "allow", "priority": 10, "note": "owner"},
                   {"subjectType": "user", "subjectId": "bob@example.com", "access": "deny", "scope": "personal"},
                   {"subjectType": "group", "subjectId": "%s", "access": "allow"}],
                 "credentials": [
                   {"displayName": "User token", "mode": "obo"},
                   {"displayName": "Bot token", "mode": "static", "secretRef": "github-bot-token"}]}
                """.formatted(name, source.getString("id"), group.getString("name")));
        assertEquals(201, created.status(), created.body());
        JsonObject s = created.json();
        String id = s.getString("id");
        assertTrue(id.startsWith("mcp_"));
        assertEquals(api.base() + BASE + "/" + id, created.header("Location"));
        assertEquals(name, s.getString("name"));
        assertEquals("Issues and PRs", s.getString("description"));
        assertEquals("https://github-mcp.example.com/mcp", s.getString("endpoint"));
        assertEquals("department", s.getString("scope"));
        assertEquals("sse", s.getString("transport"));
        assertEquals("active", s.getString("status"));
        assertEquals(List.of("tools", "resources", "prompts"), strings(s.getJsonArray("capabilities")));
        assertEquals(source.getString("id"), s.getString("sourceId"));
        assertEquals(source.getString("name"), s.getString("sourceName"));
        assertEquals("2026-10-01T08:30:00Z", s.getString("lastSyncedAt"));
        JsonArray grants = s.getJsonArray("grants");
        assertEquals(3, grants.size());
        JsonObject owner = grants.getJsonObject(0);
        assertEquals("mcp-server", owner.getString("payloadType"));
        assertEquals(id, owner.getString("payloadId"));
        assertEquals("department", owner.getString("scope"), "defaults to the server's scope");
        assertEquals("tenant", owner.getString("subjectType"));
        assertEquals("alice", owner.getString("subjectId"));
        assertEquals("allow", owner.getString("access"));
        assertEquals(10, owner.getInt("priority"));
        assertEquals("owner", owner.getString("note"));
        assertEquals("personal", grants.getJsonObject(1).getString("scope"));
        assertEquals(0, grants.getJsonObject(1).getInt("priority"));
        assertEquals(group.getString("id"), grants.getJsonObject(2).getString("subjectId"), "group names become ids");
        JsonArray credentials = s.getJsonArray("credentials");
        assertEquals("User token", credentials.getJsonObject(0).getString("displayName"));
        assertEquals("obo", credentials.getJsonObject(0).getString("mode"));
        assertFalse(credentials.getJsonObject(0).containsKey("secretRef"));
        assertEquals("github-bot-token", credentials.getJsonObject(1).getString("secretRef"));

        Res got = api.get(BASE + "/" + id);
        assertEquals(200, got.status());
        assertEquals(s, got.json());
        assertEquals(created.header("ETag"), got.header("ETag"));

        // stored honestly: jsonb array, one grants row per grant with the server's foreign key
        assertEquals("array", db.rows("SELECT jsonb_typeof(capabilities) AS t FROM mcp_servers WHERE id = ?", id)
                .get(0).get("t"));
        assertEquals(3, db.count("SELECT count(*) FROM grants WHERE mcp_server_id = ? AND payload_type = 'mcp-server' "
                + "AND payload_id = ? AND group_id IS NULL", id, id));

        String ownerGrantId = owner.getString("id");
        Res updated = api.put(BASE + "/" + id, """
                {"description": null, "sourceId": null, "lastSyncedAt": null, "status": "degraded",
                 "capabilities": ["tools"],
                 "grants": [{"subjectType": "tenant", "subjectId": "alice", "access": "deny", "priority": 10}]}""");
        assertEquals(200, updated.status(), updated.body());
        JsonObject u = updated.json();
        assertFalse(u.containsKey("description"));
        assertFalse(u.containsKey("sourceId"));
        assertFalse(u.containsKey("sourceName"));
        assertFalse(u.containsKey("lastSyncedAt"));
        assertEquals("degraded", u.getString("status"));
        assertEquals(List.of("tools"), strings(u.getJsonArray("capabilities")));
        assertEquals(1, u.getJsonArray("grants").size());
        JsonObject kept = u.getJsonArray("grants").getJsonObject(0);
        assertEquals(ownerGrantId, kept.getString("id"), "same subject keeps the grant's id");
        assertEquals("deny", kept.getString("access"));
        assertEquals(owner.getString("createdAt"), kept.getString("createdAt"));
        assertEquals(2, u.getJsonArray("credentials").size(), "omitted lists are kept");
        assertEquals(name, u.getString("name"));
        assertNotEquals(created.header("ETag"), updated.header("ETag"));
        assertEquals(updated.header("ETag"), api.get(BASE + "/" + id).header("ETag"));

        Res cleared = api.put(BASE + "/" + id, "{\"credentials\": null, \"grants\": []}");
        assertEquals(0, cleared.json().getJsonArray("credentials").size());
        assertEquals(0, cleared.json().getJsonArray("grants").size());

        assertEquals(204, api.delete(BASE + "/" + id).status());
        assertEnvelope(api.get(BASE + "/" + id), 404, "MCP_SERVER_NOT_FOUND");
        assertEquals(0, db.count("SELECT count(*) FROM grants WHERE mcp_server_id = ?", id));
        assertEquals(0, db.count("SELECT count(*) FROM mcp_server_credentials WHERE mcp_server_id = ?", id));
        assertEquals(List.of("Created", "Updated", "Updated", "Deleted"), Catalogue.auditActions("McpServer/" + id));
        assertFalse(db.rows("SELECT metadata::text AS m FROM audit_log WHERE resource = ?", "McpServer/" + id)
                .toString().contains("github-bot-token"), "secret references stay out of the audit log");
    }

    @Test
    void defaultsApply() {
        JsonObject s = Catalogue.mcpServer(Catalogue.unique("defaults"), "");
        assertEquals("draft", s.getString("status"));
        assertEquals(0, s.getJsonArray("capabilities").size());
        assertEquals(0, s.getJsonArray("grants").size());
        assertEquals(0, s.getJsonArray("credentials").size());
        assertFalse(s.containsKey("sourceId"));
    }

    @Test
    void schemaViolationsAre400NamingEveryField() {
        Res missing = api.post(BASE, "{}");
        assertEnvelope(missing, 400, "VALIDATION_ERROR");
        assertEquals(Set.of("name", "endpoint", "scope", "transport"), Catalogue.fields(missing).keySet());
        Res bad = api.post(BASE, """
                {"name": "x", "endpoint": "https://mcp.example.com", "scope": "team", "transport": "grpc",
                 "status": "live", "capabilities": "tools", "lastSyncedAt": "yesterday",
                 "grants": [{"subjectType": "robot", "subjectId": "r", "access": "maybe", "priority": 2000000}],
                 "credentials": [{"displayName": "t", "mode": "static", "secretRef": "Not_A_Name", "secret": "hunter2"}]}""");
        assertEnvelope(bad, 400, "VALIDATION_ERROR");
        assertEquals(Set.of("scope", "transport", "status", "capabilities", "lastSyncedAt", "grants[0].subjectType",
                "grants[0].access", "grants[0].priority", "credentials[0].secretRef", "credentials[0].secret"),
                Catalogue.fields(bad).keySet());
        assertEquals("unknown field", Catalogue.fields(bad).get("credentials[0].secret"), "secret values are never accepted");
        assertFalse(bad.body().contains("hunter2"));
    }

    @Test
    void serviceRulesAre400NamingTheField() {
        String name = Catalogue.unique("rules");
        Map<String, String> cases = Map.of(
                "\"capabilities\": [\"tools\", \"  \"]", "capabilities[1]",
                "\"sourceId\": \"src_missing\"", "sourceId",
                "\"credentials\": [{\"displayName\": \"t\", \"mode\": \"static\"}]", "credentials[0].secretRef",
                "\"credentials\": [{\"displayName\": \"t\", \"mode\": \"obo\"}, {\"displayName\": \"t\", \"mode\": \"obo\"}]",
                "credentials[1].displayName",
                "\"grants\": [{\"subjectType\": \"tenant\", \"subjectId\": \"Not A Tenant\", \"access\": \"allow\"}]",
                "grants[0].subjectId",
                "\"grants\": [{\"subjectType\": \"user\", \"subjectId\": \"has space@x\", \"access\": \"allow\"}]",
                "grants[0].subjectId",
                "\"grants\": [{\"subjectType\": \"group\", \"subjectId\": \"no-such-group\", \"access\": \"allow\"}]",
                "grants[0].subjectId",
                "\"grants\": [{\"subjectType\": \"tenant\", \"subjectId\": \"a\", \"access\": \"allow\"}, "
                        + "{\"subjectType\": \"tenant\", \"subjectId\": \"a\", \"access\": \"deny\"}]", "grants[1]");
        cases.forEach((fragment, field) -> {
            Res r = api.post(BASE, """
                    {"name": "%s", "endpoint": "https://mcp.example.com", "scope": "org", "transport": "sse", %s}
                    """.formatted(name, fragment));
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertTrue(Catalogue.fields(r).containsKey(field), fragment + " -> " + r.body());
        });
        assertEquals(0, db.count("SELECT count(*) FROM mcp_servers WHERE name = ?", name), "nothing stored");
    }

    @Test
    void unsafeEndpointsAre400SayingWhy() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("http://mcp.example.com/", "https");
        cases.put("https://127.0.0.1:8080/mcp", "loopback");
        cases.put("https://2130706433/", "loopback");
        cases.put("https://0x7f.1/", "loopback");
        cases.put("https://0177.0.0.1/", "loopback");
        cases.put("https://[::1]/", "loopback");
        cases.put("https://[::ffff:127.0.0.1]/", "loopback");
        cases.put("https://169.254.169.254/latest/meta-data/", "link-local");
        cases.put("https://[fe80::1]/", "link-local");
        cases.put("https://localhost/", "local machine");
        cases.put("https://metadata.google.internal/", "denied");
        cases.put("https://kubernetes.default.svc/", "denied");
        cases.put("https://0.0.0.0/", "unspecified");
        cases.put("https://192.168.1.10/", "denied network");
        cases.put("https://admin:secret@mcp.example.com/", "user information");
        cases.put("ftp://mcp.example.com/", "https");
        cases.put("mcp.example.com/path", "absolute");
        cases.forEach((url, reason) -> {
            Res r = api.post(BASE, """
                    {"name": "%s", "endpoint": "%s", "scope": "org", "transport": "sse"}
                    """.formatted(Catalogue.unique("unsafe"), url));
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            String why = Catalogue.fields(r).get("endpoint");
            assertTrue(why != null && why.contains(reason), url + " -> " + r.body());
            assertFalse(r.body().contains("secret"), "user-info is not echoed");
        });
        String id = Catalogue.mcpServer(Catalogue.unique("safe"), "").getString("id");
        Res put = api.put(BASE + "/" + id, "{\"endpoint\": \"https://[::ffff:a9fe:a9fe]/\"}");
        assertEnvelope(put, 400, "VALIDATION_ERROR");
        assertTrue(Catalogue.fields(put).get("endpoint").contains("169.254.169.254"), put.body());
        assertEquals("https://mcp.example.com/" + api.get(BASE + "/" + id).json().getString("name"),
                api.get(BASE + "/" + id).json().getString("endpoint"), "unchanged");
    }

    @Test
    void namesAreUniqueAndRequiredFieldsCannotBeCleared() {
        String name = Catalogue.unique("taken");
        String id = Catalogue.mcpServer(name, "").getString("id");
        assertEnvelope(api.post(BASE, """
                {"name": "%s", "endpoint": "https://x.example.com", "scope": "org", "transport": "sse"}""".formatted(name)),
                409, "ALREADY_EXISTS");
        String other = Catalogue.mcpServer(Catalogue.unique("other"), "").getString("id");
        assertEnvelope(api.put(BASE + "/" + other, "{\"name\": \"" + name + "\"}"), 409, "ALREADY_EXISTS");
        for (String field : List.of("name", "endpoint", "scope", "transport")) {
            Res r = api.put(BASE + "/" + id, "{\"" + field + "\": null}");
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertEquals("cannot be cleared", Catalogue.fields(r).get(field));
        }
        assertEquals("draft", api.put(BASE + "/" + id, "{\"status\": null}").json().getString("status"));
    }

    @Test
    void unknownIdsAre404WithTheServerCode() {
        assertEnvelope(api.get(BASE + "/mcp_nope"), 404, "MCP_SERVER_NOT_FOUND");
        assertEnvelope(api.put(BASE + "/mcp_nope", "{}"), 404, "MCP_SERVER_NOT_FOUND");
        assertEnvelope(api.delete(BASE + "/mcp_nope"), 404, "MCP_SERVER_NOT_FOUND");
        assertEnvelope(api.get(BASE + "/" + "x".repeat(300)), 404, "MCP_SERVER_NOT_FOUND");
    }

    @Test
    void ifMatchGuardsUpdatesAndDeletes() {
        String id = Catalogue.mcpServer(Catalogue.unique("etag"), "").getString("id");
        String etag = api.get(BASE + "/" + id).header("ETag");
        assertEquals(200, api.request("PUT", BASE + "/" + id).header("If-Match", etag)
                .json("{\"grants\": [{\"subjectType\": \"tenant\", \"subjectId\": \"t1\", \"access\": \"allow\"}]}")
                .send().status());
        assertEnvelope(api.request("PUT", BASE + "/" + id).header("If-Match", etag).json("{\"status\": \"active\"}").send(),
                412, "PRECONDITION_FAILED");
        assertEnvelope(api.request("DELETE", BASE + "/" + id).header("If-Match", etag).send(), 412, "PRECONDITION_FAILED");
        assertEquals(204, api.request("DELETE", BASE + "/" + id)
                .header("If-Match", api.get(BASE + "/" + id).header("ETag")).send().status());
    }

    @Test
    void listsFilterAndPageWithoutSkipsOrRepeats() {
        String sourceId = Catalogue.source(Catalogue.unique("paging")).getString("id");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(Catalogue.mcpServer(Catalogue.unique("page"), "\"sourceId\": \"" + sourceId + "\", \"status\": \""
                    + (i % 2 == 0 ? "active" : "draft") + "\", \"transport\": \"websocket\"").getString("id"));
        }
        List<JsonObject> all = Catalogue.pageAll(api, BASE + "?sourceId=" + sourceId, 3);
        List<String> ids = all.stream().map(o -> o.getString("id")).toList();
        List<String> newestFirst = new ArrayList<>(mine);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, ids);
        assertEquals(4, Catalogue.pageAll(api, BASE + "?sourceId=" + sourceId + "&status=active&transport=websocket&scope=org", 2).size());
        List<JsonObject> active = Catalogue.pageAll(api, BASE + "?status=active", 1000);
        assertTrue(active.stream().allMatch(o -> o.getString("status").equals("active")));
        assertEquals(new HashSet<>(active).size(), active.size());
        for (String filter : List.of("scope=team", "status=live", "transport=grpc", "limit=0", "cursor=abc")) {
            assertEnvelope(api.get(BASE + "?" + filter), 400, "VALIDATION_ERROR");
        }
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(jakarta.json.JsonString::getString);
    }
}
