package ai.opencrane.controlplane.group;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Catalogue;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

class GroupsIT {

    private static final String BASE = "/api/v1/groups";
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    @Test
    void createGetUpdateDeleteRoundTripWithEveryField() {
        String server = Catalogue.mcpServer(Catalogue.unique("grp-mcp"), "").getString("id");
        String skill = Catalogue.skill(Catalogue.unique("grp-skill"), "").getString("id");
        String name = Catalogue.unique("Platform team");
        Res created = api.post(BASE, """
                {"name": "%s", "scope": "department", "description": "SREs",
                 "members": [" zoe@example.com ", "alice", "bob", "alice", "Carol@Example.com"],
                 "grants": [
                   {"payloadType": "awareness", "access": "allow"},
                   {"payloadType": "mcp-server", "payloadId": "%s", "access": "allow", "priority": 5, "note": "on-call"},
                   {"payloadType": "skill-bundle", "payloadId": "%s", "subjectType": "tenant", "subjectId": "dave",
                    "access": "deny", "scope": "personal"}]}
                """.formatted(name, server, skill));
        assertEquals(201, created.status(), created.body());
        JsonObject g = created.json();
        String id = g.getString("id");
        assertTrue(id.startsWith("grp_"));
        assertEquals(api.base() + BASE + "/" + id, created.header("Location"));
        assertEquals(name, g.getString("name"));
        assertEquals("department", g.getString("scope"));
        assertEquals("SREs", g.getString("description"));
        assertEquals(List.of("Carol@Example.com", "alice", "bob", "zoe@example.com"),
                g.getJsonArray("members").getValuesAs(JsonString::getString), "trimmed, de-duplicated, sorted");
        assertEquals(4, g.getInt("memberCount"));
        JsonArray grants = g.getJsonArray("grants");
        JsonObject awareness = grants.getJsonObject(0);
        assertEquals("awareness", awareness.getString("payloadType"));
        assertEquals("awareness/default", awareness.getString("payloadId"));
        assertEquals("group", awareness.getString("subjectType"));
        assertEquals(id, awareness.getString("subjectId"), "applies to the group's members by default");
        assertEquals("department", awareness.getString("scope"));
        JsonObject mcp = grants.getJsonObject(1);
        assertEquals("mcp-server", mcp.getString("payloadType"));
        assertEquals(server, mcp.getString("payloadId"));
        assertEquals(5, mcp.getInt("priority"));
        assertEquals("on-call", mcp.getString("note"));
        JsonObject skillGrant = grants.getJsonObject(2);
        assertEquals("tenant", skillGrant.getString("subjectType"));
        assertEquals("dave", skillGrant.getString("subjectId"));
        assertEquals("personal", skillGrant.getString("scope"));

        assertEquals(g, api.get(BASE + "/" + id).json());
        assertEquals(3, db.count("SELECT count(*) FROM grants WHERE group_id = ?", id));
        assertEquals(1, db.count("SELECT count(*) FROM grants WHERE group_id = ? AND mcp_server_id = ?", id, server));
        assertEquals(1, db.count("SELECT count(*) FROM grants WHERE group_id = ? AND skill_bundle_id = ?", id, skill));
        assertEquals(4, db.count("SELECT count(*) FROM group_members WHERE group_id = ?", id));
        // listed on the group, not on the entry
        assertEquals(0, api.get("/api/v1/mcp-servers/" + server).json().getJsonArray("grants").size());

        Res updated = api.put(BASE + "/" + id, """
                {"description": null, "members": ["erin"],
                 "grants": [{"payloadType": "awareness", "access": "deny", "priority": 1}]}""");
        assertEquals(200, updated.status(), updated.body());
        JsonObject u = updated.json();
        assertFalse(u.containsKey("description"));
        assertEquals(List.of("erin"), u.getJsonArray("members").getValuesAs(JsonString::getString));
        assertEquals(1, u.getInt("memberCount"));
        assertEquals(awareness.getString("id"), u.getJsonArray("grants").getJsonObject(0).getString("id"));
        assertEquals("deny", u.getJsonArray("grants").getJsonObject(0).getString("access"));
        assertEquals(name, u.getString("name"));
        assertEquals(0, db.count("SELECT count(*) FROM grants WHERE group_id = ? AND mcp_server_id IS NOT NULL", id));
        assertNotEquals(created.header("ETag"), updated.header("ETag"));
        assertEquals(1, api.put(BASE + "/" + id, "{\"scope\": \"org\"}").json().getInt("memberCount"), "members kept");

        assertEquals(204, api.delete(BASE + "/" + id).status());
        assertEnvelope(api.get(BASE + "/" + id), 404, "GROUP_NOT_FOUND");
        assertEquals(0, db.count("SELECT count(*) FROM group_members WHERE group_id = ?", id));
        assertEquals(0, db.count("SELECT count(*) FROM grants WHERE group_id = ?", id));
        assertEquals(List.of("Created", "Updated", "Updated", "Deleted"), Catalogue.auditActions("Group/" + id));
    }

    @Test
    void deletingAGroupRemovesTheGrantsThatExistThroughIt() {
        String groupName = Catalogue.unique("doomed");
        String groupId = Catalogue.group(groupName, "\"members\": [\"alice\"]").getString("id");
        JsonObject server = Catalogue.mcpServer(Catalogue.unique("keeps"), """
                "grants": [{"subjectType": "group", "subjectId": "%s", "access": "allow"},
                           {"subjectType": "tenant", "subjectId": "alice", "access": "deny"}]""".formatted(groupName));
        String serverId = server.getString("id");
        String skillId = Catalogue.skill(Catalogue.unique("keeps"), """
                "grants": [{"subjectType": "group", "subjectId": "%s", "access": "allow"}]""".formatted(groupId))
                .getString("id");
        String before = api.get("/api/v1/mcp-servers/" + serverId).header("ETag");

        Res deleted = api.delete(BASE + "/" + groupId);
        assertEquals(204, deleted.status(), deleted.body());
        JsonArray left = api.get("/api/v1/mcp-servers/" + serverId).json().getJsonArray("grants");
        assertEquals(1, left.size());
        assertEquals("tenant", left.getJsonObject(0).getString("subjectType"));
        assertNotEquals(before, api.get("/api/v1/mcp-servers/" + serverId).header("ETag"), "the server's list changed");
        assertEquals(0, api.get("/api/v1/skills/catalog/" + skillId).json().getJsonArray("grants").size());
        assertEquals(0, db.count("SELECT count(*) FROM grants WHERE subject_type = 'group' AND subject_id = ?", groupId));
        assertTrue(db.rows("SELECT metadata::text AS m FROM audit_log WHERE resource = ? AND action = 'Deleted'",
                "Group/" + groupId).get(0).get("m").toString().contains("\"grantsRemoved\": 2"));
    }

    @Test
    void deletingACatalogueEntryRemovesTheGroupGrantsOnIt() {
        String serverId = Catalogue.mcpServer(Catalogue.unique("gone"), "").getString("id");
        String groupId = Catalogue.group(Catalogue.unique("lists"), """
                "grants": [{"payloadType": "mcp-server", "payloadId": "%s", "access": "allow"},
                           {"payloadType": "awareness", "payloadId": "kb/finance", "access": "allow"}]""".formatted(serverId))
                .getString("id");
        String before = api.get(BASE + "/" + groupId).header("ETag");
        assertEquals(204, api.delete("/api/v1/mcp-servers/" + serverId).status());
        JsonObject after = api.get(BASE + "/" + groupId).json();
        assertEquals(1, after.getJsonArray("grants").size());
        assertEquals("kb/finance", after.getJsonArray("grants").getJsonObject(0).getString("payloadId"));
        assertNotEquals(before, api.get(BASE + "/" + groupId).header("ETag"));
    }

    @Test
    void validationRulesAre400NamingTheField() {
        Res missing = api.post(BASE, "{}");
        assertEnvelope(missing, 400, "VALIDATION_ERROR");
        assertEquals(Set.of("name", "scope"), Catalogue.fields(missing).keySet());
        Res bad = api.post(BASE, """
                {"name": "g", "scope": "galaxy", "members": ["ok", "two words", 3, ""],
                 "grants": [{"payloadType": "dataset", "access": "allow", "payloadId": "has space"}], "owner": "x"}""");
        assertEnvelope(bad, 400, "VALIDATION_ERROR");
        assertEquals(Set.of("scope", "members[1]", "members[2]", "members[3]", "grants[0].payloadType",
                "grants[0].payloadId", "owner"), Catalogue.fields(bad).keySet());
        for (String[] c : List.of(
                new String[] {"{\"payloadType\": \"mcp-server\", \"access\": \"allow\"}", "grants[0].payloadId"},
                new String[] {"{\"payloadType\": \"mcp-server\", \"payloadId\": \"mcp_missing\", \"access\": \"allow\"}",
                        "grants[0].payloadId"},
                new String[] {"{\"payloadType\": \"skill-bundle\", \"payloadId\": \"skl_missing\", \"access\": \"allow\"}",
                        "grants[0].payloadId"},
                new String[] {"{\"payloadType\": \"awareness\", \"subjectId\": \"bob\", \"access\": \"allow\"}",
                        "grants[0].subjectType"},
                new String[] {"{\"payloadType\": \"awareness\", \"subjectType\": \"user\", \"access\": \"allow\"}",
                        "grants[0].subjectId"},
                new String[] {"{\"payloadType\": \"awareness\", \"subjectType\": \"group\", \"subjectId\": \"nope\", "
                        + "\"access\": \"allow\"}", "grants[0].subjectId"},
                new String[] {"{\"payloadType\": \"awareness\", \"access\": \"allow\"}, "
                        + "{\"payloadType\": \"awareness\", \"payloadId\": \"awareness/default\", \"access\": \"deny\"}",
                        "grants[1]"})) {
            String name = Catalogue.unique("rules");
            Res r = api.post(BASE, "{\"name\": \"" + name + "\", \"scope\": \"org\", \"grants\": [" + c[0] + "]}");
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertTrue(Catalogue.fields(r).containsKey(c[1]), c[0] + " -> " + r.body());
            assertEquals(0, db.count("SELECT count(*) FROM groups WHERE name = ?", name), "nothing stored");
        }
    }

    @Test
    void namesAreUniqueAndRequiredFieldsCannotBeCleared() {
        String name = Catalogue.unique("unique");
        String id = Catalogue.group(name, "").getString("id");
        assertEnvelope(api.post(BASE, "{\"name\": \"" + name + "\", \"scope\": \"org\"}"), 409, "ALREADY_EXISTS");
        assertEnvelope(api.put(BASE + "/" + Catalogue.group(Catalogue.unique("b"), "").getString("id"),
                "{\"name\": \"" + name + "\"}"), 409, "ALREADY_EXISTS");
        assertEnvelope(api.put(BASE + "/" + id, "{\"name\": null}"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.put(BASE + "/" + id, "{\"scope\": null}"), 400, "VALIDATION_ERROR");
    }

    @Test
    void unknownIdsAre404WithTheGroupCode() {
        assertEnvelope(api.get(BASE + "/grp_nope"), 404, "GROUP_NOT_FOUND");
        assertEnvelope(api.put(BASE + "/grp_nope", "{}"), 404, "GROUP_NOT_FOUND");
        assertEnvelope(api.delete(BASE + "/grp_nope"), 404, "GROUP_NOT_FOUND");
    }

    @Test
    void ifMatchGuardsUpdatesAndDeletes() {
        String id = Catalogue.group(Catalogue.unique("etag"), "").getString("id");
        String etag = api.get(BASE + "/" + id).header("ETag");
        assertEquals(200, api.request("PUT", BASE + "/" + id).header("If-Match", etag)
                .json("{\"members\": [\"a\"]}").send().status());
        assertEnvelope(api.request("PUT", BASE + "/" + id).header("If-Match", etag).json("{}").send(), 412, "PRECONDITION_FAILED");
        assertEnvelope(api.request("DELETE", BASE + "/" + id).header("If-Match", etag).send(), 412, "PRECONDITION_FAILED");
    }

    @Test
    void listsFilterByMemberAndScopeAndPage() {
        String member = Catalogue.unique("member") + "@example.com";
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(Catalogue.group(Catalogue.unique("paged"), "\"members\": [\"" + member + "\"], \"scope\": \""
                    + (i < 2 ? "project" : "org") + "\"").getString("id"));
        }
        Catalogue.group(Catalogue.unique("unrelated"), "\"members\": [\"someone-else\"]");
        List<String> ids = Catalogue.pageAll(api, BASE + "?member=" + member.toUpperCase(), 2).stream()
                .map(o -> o.getString("id")).toList();
        List<String> newestFirst = new ArrayList<>(mine);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, ids);
        assertEquals(2, Catalogue.pageAll(api, BASE + "?member=" + member + "&scope=project", 1).size());
        assertEnvelope(api.get(BASE + "?scope=galaxy"), 400, "VALIDATION_ERROR");
    }
}
