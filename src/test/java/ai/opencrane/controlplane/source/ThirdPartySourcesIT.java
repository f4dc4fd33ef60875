package ai.opencrane.controlplane.source;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Catalogue;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

class ThirdPartySourcesIT {

    private static final String BASE = "/api/v1/third-party-sources";
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    @Test
    void createGetUpdateDeleteRoundTripWithEveryField() {
        String name = Catalogue.unique("registry");
        Res created = api.post(BASE, """
                {"name": "%s", "type": "mcp-registry", "url": "https://registry.example.com/v0",
                 "syncMode": "scheduled", "status": "healthy", "notes": "nightly",
                 "lastSyncedAt": "2026-11-01T10:00:00Z",
                 "items": [
                   {"kind": "mcp-server", "name": "GitHub", "upstreamId": "io.github/github", "version": "1.2.0",
                    "digest": "sha256:abc123", "metadata": {"stars": 5, "tags": ["vcs"]}},
                   {"kind": "skill-bundle", "name": "PDF tools", "upstreamId": "io.github/github"}]}
                """.formatted(name));
        assertEquals(201, created.status(), created.body());
        JsonObject s = created.json();
        String id = s.getString("id");
        assertTrue(id.startsWith("src_"), id);
        assertEquals(api.base() + BASE + "/" + id, created.header("Location"));
        assertNotNull(created.header("ETag"));
        assertEquals(name, s.getString("name"));
        assertEquals("mcp-registry", s.getString("type"));
        assertEquals("https://registry.example.com/v0", s.getString("url"));
        assertEquals("scheduled", s.getString("syncMode"));
        assertEquals("healthy", s.getString("status"));
        assertEquals("nightly", s.getString("notes"));
        assertEquals("2026-11-01T10:00:00Z", s.getString("lastSyncedAt"));
        assertEquals(2, s.getInt("managedItemCount"));
        JsonArray items = s.getJsonArray("items");
        JsonObject first = items.getJsonObject(0);
        assertEquals("mcp-server", first.getString("kind"));
        assertEquals("GitHub", first.getString("name"));
        assertEquals("io.github/github", first.getString("upstreamId"));
        assertEquals("1.2.0", first.getString("version"));
        assertEquals("sha256:abc123", first.getString("digest"));
        assertEquals(5, first.getJsonObject("metadata").getInt("stars"));
        assertEquals("skill-bundle", items.getJsonObject(1).getString("kind"));
        assertFalse(items.getJsonObject(1).containsKey("version"));

        Res got = api.get(BASE + "/" + id);
        assertEquals(200, got.status());
        assertEquals(s, got.json());
        assertEquals(created.header("ETag"), got.header("ETag"));

        String itemId = first.getString("id");
        Res updated = api.put(BASE + "/" + id, """
                {"status": "error", "notes": null,
                 "items": [{"kind": "mcp-server", "name": "GitHub MCP", "upstreamId": "io.github/github"}]}
                """);
        assertEquals(200, updated.status(), updated.body());
        JsonObject u = updated.json();
        assertEquals("error", u.getString("status"));
        assertFalse(u.containsKey("notes"));
        assertEquals(name, u.getString("name"));
        assertEquals("scheduled", u.getString("syncMode"));
        assertEquals(1, u.getInt("managedItemCount"));
        assertEquals(itemId, u.getJsonArray("items").getJsonObject(0).getString("id"), "same kind+upstreamId keeps its id");
        assertEquals("GitHub MCP", u.getJsonArray("items").getJsonObject(0).getString("name"));
        assertFalse(updated.header("ETag").equals(created.header("ETag")));

        Res keep = api.put(BASE + "/" + id, "{\"syncMode\": null}");
        assertEquals("manual", keep.json().getString("syncMode"));
        assertEquals(1, keep.json().getInt("managedItemCount"), "items kept when omitted");

        assertEquals(204, api.delete(BASE + "/" + id).status());
        assertEnvelope(api.get(BASE + "/" + id), 404, "THIRD_PARTY_SOURCE_NOT_FOUND");
        assertEquals(0, db.count("SELECT count(*) FROM third_party_source_items WHERE source_id = ?", id));
        assertEquals(List.of("Created", "Updated", "Updated", "Deleted"), Catalogue.auditActions("ThirdPartySource/" + id));
    }

    @Test
    void defaultsApply() {
        JsonObject s = Catalogue.source(Catalogue.unique("defaults"));
        assertEquals("manual", s.getString("syncMode"));
        assertEquals("pending-approval", s.getString("status"));
        assertEquals(0, s.getInt("managedItemCount"));
        assertEquals(0, s.getJsonArray("items").size());
    }

    @Test
    void validationErrorsNameTheFields() {
        Res missing = api.post(BASE, "{}");
        assertEnvelope(missing, 400, "VALIDATION_ERROR");
        assertEquals(Map.of("name", "is required", "type", "is required", "url", "is required"),
                Catalogue.fields(missing));
        Res bad = api.post(BASE, """
                {"name": " padded", "type": "ftp", "url": "https://x.example", "syncMode": "hourly", "status": "ok",
                 "extra": 1, "items": [{"kind": "tool", "name": "n", "upstreamId": "has space"}]}""");
        assertEnvelope(bad, 400, "VALIDATION_ERROR");
        assertEquals(java.util.Set.of("name", "type", "syncMode", "status", "extra", "items[0].kind",
                "items[0].upstreamId"), Catalogue.fields(bad).keySet());
        Res dup = api.post(BASE, """
                {"name": "%s", "type": "git-repository", "url": "https://git.example.com/r.git", "items": [
                  {"kind": "skill-bundle", "name": "a", "upstreamId": "x"},
                  {"kind": "skill-bundle", "name": "b", "upstreamId": "x"}]}""".formatted(Catalogue.unique("dup")));
        assertEnvelope(dup, 400, "VALIDATION_ERROR");
        assertEquals("repeats items[0] (same kind and upstreamId)", Catalogue.fields(dup).get("items[1].upstreamId"));
    }

    @Test
    void unsafeUrlsAreRejected() {
        for (String url : List.of("http://registry.example.com", "https://127.0.0.1/", "https://[::1]/",
                "https://169.254.169.254/latest", "https://user:pw@registry.example.com/", "https://0x7f000001/",
                "https://localhost:8443/", "https://10.0.0.5/")) {
            Res r = api.post(BASE, """
                    {"name": "%s", "type": "mcp-registry", "url": "%s"}""".formatted(Catalogue.unique("unsafe"), url));
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertTrue(Catalogue.fields(r).containsKey("url"), url + " -> " + r.body());
        }
        String id = Catalogue.source(Catalogue.unique("safe")).getString("id");
        Res put = api.put(BASE + "/" + id, "{\"url\": \"https://[::ffff:169.254.169.254]/\"}");
        assertEnvelope(put, 400, "VALIDATION_ERROR");
        assertTrue(Catalogue.fields(put).get("url").contains("169.254.169.254"), put.body());
    }

    @Test
    void namesAreUniqueAndRequiredFieldsCannotBeCleared() {
        String name = Catalogue.unique("taken");
        String id = Catalogue.source(name).getString("id");
        assertEnvelope(api.post(BASE, """
                {"name": "%s", "type": "manual-upload", "url": "https://uploads.example.com"}""".formatted(name)),
                409, "ALREADY_EXISTS");
        String other = Catalogue.source(Catalogue.unique("other")).getString("id");
        assertEnvelope(api.put(BASE + "/" + other, "{\"name\": \"" + name + "\"}"), 409, "ALREADY_EXISTS");
        assertEnvelope(api.put(BASE + "/" + id, "{\"url\": null}"), 400, "VALIDATION_ERROR");
        assertEquals(200, api.put(BASE + "/" + id, "{\"name\": \"" + name + "\"}").status(), "renaming to itself");
    }

    @Test
    void unknownIdsAre404WithTheSourceCode() {
        assertEnvelope(api.get(BASE + "/src_nope"), 404, "THIRD_PARTY_SOURCE_NOT_FOUND");
        assertEnvelope(api.put(BASE + "/src_nope", "{}"), 404, "THIRD_PARTY_SOURCE_NOT_FOUND");
        assertEnvelope(api.delete(BASE + "/src_nope"), 404, "THIRD_PARTY_SOURCE_NOT_FOUND");
    }

    @Test
    void ifMatchGuardsUpdatesAndDeletes() {
        String id = Catalogue.source(Catalogue.unique("etag")).getString("id");
        String etag = api.get(BASE + "/" + id).header("ETag");
        assertEquals(200, api.request("PUT", BASE + "/" + id).header("If-Match", etag).json("{\"notes\": \"a\"}").send().status());
        assertEnvelope(api.request("PUT", BASE + "/" + id).header("If-Match", etag).json("{\"notes\": \"b\"}").send(),
                412, "PRECONDITION_FAILED");
        assertEnvelope(api.request("DELETE", BASE + "/" + id).header("If-Match", etag).send(), 412, "PRECONDITION_FAILED");
        String fresh = api.get(BASE + "/" + id).header("ETag");
        assertEquals(204, api.request("DELETE", BASE + "/" + id).header("If-Match", fresh).send().status());
    }

    @Test
    void listsFilterAndPageWithoutSkipsOrRepeats() {
        String marker = Catalogue.unique("page");
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(api.post(BASE, """
                    {"name": "%s-%d", "type": "anthropic-skills", "url": "https://skills.example.com", "status": "syncing"}
                    """.formatted(marker, i)).json().getString("id"));
        }
        List<JsonObject> seen = Catalogue.pageAll(api, BASE + "?type=anthropic-skills&status=syncing", 3);
        List<String> ids = seen.stream().map(o -> o.getString("id")).toList();
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no repeats");
        assertTrue(ids.containsAll(mine));
        assertTrue(seen.stream().allMatch(o -> o.getString("type").equals("anthropic-skills")
                && o.getString("status").equals("syncing")));
        List<String> order = ids.stream().filter(mine::contains).toList();
        List<String> newestFirst = new java.util.ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, order, "newest first");
        assertEnvelope(api.get(BASE + "?type=ftp"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get(BASE + "?status=ok"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get(BASE + "?syncMode=x"), 400, "VALIDATION_ERROR");
        assertEnvelope(api.get(BASE + "?cursor=bogus"), 400, "VALIDATION_ERROR");
    }

    @Test
    void aSourceInUseCannotBeDeletedUntilItsReferencesAreCleared() {
        JsonObject source = Catalogue.source(Catalogue.unique("in-use"));
        String id = source.getString("id");
        JsonObject server = Catalogue.mcpServer(Catalogue.unique("from-source"), "\"sourceId\": \"" + id + "\"");
        JsonObject skill = Catalogue.skill(Catalogue.unique("from-source"), "\"sourceId\": \"" + id + "\"");
        Res refused = api.delete(BASE + "/" + id);
        assertEnvelope(refused, 409, "CONFLICT");
        String why = refused.json().getString("error");
        assertTrue(why.contains(server.getString("name")) && why.contains(skill.getString("name") + "@1.0.0"), why);
        assertEquals(200, api.get(BASE + "/" + id).status(), "still there");

        assertEquals(200, api.put("/api/v1/mcp-servers/" + server.getString("id"), "{\"sourceId\": null}").status());
        assertEnvelope(api.delete(BASE + "/" + id), 409, "CONFLICT");
        assertEquals(200, api.put("/api/v1/skills/catalog/" + skill.getString("id"), "{\"sourceId\": null}").status());
        assertEquals(204, api.delete(BASE + "/" + id).status());
        assertEquals(List.of("Created", "Deleted"), Catalogue.auditActions("ThirdPartySource/" + id));
    }
}
