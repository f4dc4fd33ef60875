package ai.opencrane.controlplane.skill;

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

class SkillCatalogIT {

    private static final String BASE = "/api/v1/skills/catalog";
    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();

    @Test
    void createGetUpdateDeleteRoundTripWithEveryField() {
        JsonObject source = Catalogue.source(Catalogue.unique("skills-src"));
        String name = Catalogue.unique("pdf-tools");
        String digest = Catalogue.digest();
        Res created = api.post(BASE, """
                {"name": "%s", "description": "Read and fill PDFs", "version": "1.4.0-rc.1", "digest": "%s",
                 "scope": "project", "status": "review", "tags": ["docs", " pdf ", "docs"],
                 "sourceId": "%s", "publishedAt": "2026-09-09T09:09:09Z",
                 "grants": [{"subjectType": "tenant", "subjectId": "alice", "access": "allow", "priority": 3},
                            {"subjectType": "user", "subjectId": "eve@example.com", "access": "deny", "note": "left"}],
                 "promotions": [{"fromScope": "personal", "toScope": "project", "promotedBy": "alice@example.com",
                                 "status": "approved", "notes": "good"},
                                {"fromScope": "project", "toScope": "org", "promotedBy": "bob@example.com"}]}
                """.formatted(name, digest, source.getString("id")));
        assertEquals(201, created.status(), created.body());
        JsonObject b = created.json();
        String id = b.getString("id");
        assertTrue(id.startsWith("skl_"));
        assertEquals(api.base() + BASE + "/" + id, created.header("Location"));
        assertEquals(name, b.getString("name"));
        assertEquals("Read and fill PDFs", b.getString("description"));
        assertEquals("1.4.0-rc.1", b.getString("version"));
        assertEquals(digest, b.getString("digest"));
        assertEquals("project", b.getString("scope"));
        assertEquals("review", b.getString("status"));
        assertEquals("pending", b.getString("scanStatus"));
        assertEquals(List.of("docs", "pdf"), b.getJsonArray("tags").getValuesAs(JsonString::getString));
        assertEquals(source.getString("id"), b.getString("sourceId"));
        assertEquals(source.getString("name"), b.getString("sourceName"));
        assertEquals("2026-09-09T09:09:09Z", b.getString("publishedAt"));
        JsonArray grants = b.getJsonArray("grants");
        assertEquals("skill-bundle", grants.getJsonObject(0).getString("payloadType"));
        assertEquals(id, grants.getJsonObject(0).getString("payloadId"));
        assertEquals("project", grants.getJsonObject(0).getString("scope"));
        assertEquals(3, grants.getJsonObject(0).getInt("priority"));
        assertEquals("deny", grants.getJsonObject(1).getString("access"));
        assertEquals("left", grants.getJsonObject(1).getString("note"));
        JsonArray promotions = b.getJsonArray("promotions");
        assertEquals("personal", promotions.getJsonObject(0).getString("fromScope"));
        assertEquals("project", promotions.getJsonObject(0).getString("toScope"));
        assertEquals("alice@example.com", promotions.getJsonObject(0).getString("promotedBy"));
        assertEquals("approved", promotions.getJsonObject(0).getString("status"));
        assertEquals("good", promotions.getJsonObject(0).getString("notes"));
        assertEquals("proposed", promotions.getJsonObject(1).getString("status"));

        Res got = api.get(BASE + "/" + id);
        assertEquals(b, got.json());
        assertEquals(created.header("ETag"), got.header("ETag"));
        assertEquals(2, db.count("SELECT count(*) FROM grants WHERE skill_bundle_id = ? AND payload_type = 'skill-bundle'", id));

        String promotionId = promotions.getJsonObject(1).getString("id");
        Res updated = api.put(BASE + "/" + id, """
                {"description": null, "tags": null, "sourceId": null, "publishedAt": null, "scope": "org",
                 "promotions": [{"fromScope": "project", "toScope": "org", "promotedBy": "bob@example.com",
                                 "status": "rejected"}]}""");
        assertEquals(200, updated.status(), updated.body());
        JsonObject u = updated.json();
        assertFalse(u.containsKey("description"));
        assertFalse(u.containsKey("sourceId"));
        assertFalse(u.containsKey("publishedAt"));
        assertEquals(0, u.getJsonArray("tags").size());
        assertEquals("org", u.getString("scope"));
        assertEquals(1, u.getJsonArray("promotions").size());
        assertEquals(promotionId, u.getJsonArray("promotions").getJsonObject(0).getString("id"));
        assertEquals("rejected", u.getJsonArray("promotions").getJsonObject(0).getString("status"));
        assertEquals(2, u.getJsonArray("grants").size(), "omitted grants are kept");
        assertNotEquals(created.header("ETag"), updated.header("ETag"));

        assertEquals(204, api.delete(BASE + "/" + id).status());
        assertEnvelope(api.get(BASE + "/" + id), 404, "SKILL_BUNDLE_NOT_FOUND");
        assertEquals(0, db.count("SELECT count(*) FROM grants WHERE skill_bundle_id = ?", id));
        assertEquals(0, db.count("SELECT count(*) FROM skill_promotions WHERE skill_bundle_id = ?", id));
        assertEquals(List.of("Created", "Updated", "Deleted"), Catalogue.auditActions("SkillBundle/" + id));
    }

    @Test
    void publishingNeedsAPassedScan() {
        Res direct = api.post(BASE, """
                {"name": "%s", "version": "1.0.0", "digest": "%s", "scope": "org", "status": "published"}
                """.formatted(Catalogue.unique("direct"), Catalogue.digest()));
        assertEnvelope(direct, 422, "SCAN_REQUIRED");

        JsonObject b = Catalogue.skill(Catalogue.unique("gate"), "");
        String id = b.getString("id");
        Res early = api.put(BASE + "/" + id, "{\"status\": \"published\"}");
        assertEnvelope(early, 422, "SCAN_REQUIRED");
        assertTrue(early.json().getString("error").contains("pending"), early.body());
        assertEquals("draft", api.get(BASE + "/" + id).json().getString("status"), "nothing changed");

        // what a scanner records when the current digest passes
        db.update("UPDATE skill_bundles SET scan_status = 'passed', scanned_at = now() WHERE id = ?", id);
        Res published = api.put(BASE + "/" + id, "{\"status\": \"published\"}");
        assertEquals(200, published.status(), published.body());
        assertEquals("published", published.json().getString("status"));
        assertEquals("passed", published.json().getString("scanStatus"));
        assertTrue(published.json().containsKey("publishedAt"), "set when first published");
        assertEquals(List.of("Created", "Published"), Catalogue.auditActions("SkillBundle/" + id));

        Res newDigest = api.put(BASE + "/" + id, "{\"digest\": \"" + Catalogue.digest() + "\"}");
        assertEnvelope(newDigest, 422, "SCAN_REQUIRED");
        Res unpublishAndChange = api.put(BASE + "/" + id, "{\"digest\": \"" + Catalogue.digest() + "\", \"status\": \"review\"}");
        assertEquals(200, unpublishAndChange.status(), unpublishAndChange.body());
        assertEquals("pending", unpublishAndChange.json().getString("scanStatus"), "a new digest needs a new scan");
        assertEnvelope(api.put(BASE + "/" + id, "{\"status\": \"published\"}"), 422, "SCAN_REQUIRED");

        db.update("UPDATE skill_bundles SET scan_status = 'failed' WHERE id = ?", id);
        assertEnvelope(api.put(BASE + "/" + id, "{\"status\": \"published\"}"), 422, "SCAN_REQUIRED");
    }

    @Test
    void validationRulesAre400NamingTheField() {
        Res missing = api.post(BASE, "{}");
        assertEnvelope(missing, 400, "VALIDATION_ERROR");
        assertEquals(Set.of("name", "version", "digest", "scope"), Catalogue.fields(missing).keySet());
        Res bad = api.post(BASE, """
                {"name": "n", "version": "1 0", "digest": "md5:abc", "scope": "team", "status": "deprecated",
                 "tags": [1], "promotions": [{"fromScope": "org", "toScope": "moon", "promotedBy": ""}],
                 "content": "# skill"}""");
        assertEnvelope(bad, 400, "VALIDATION_ERROR");
        assertEquals(Set.of("version", "digest", "scope", "status", "tags[0]", "promotions[0].toScope",
                "promotions[0].promotedBy", "content"), Catalogue.fields(bad).keySet());
        assertEnvelope(api.post(BASE, """
                {"name": "n", "version": "1", "digest": "sha256:%s", "scope": "org"}""".formatted("AB".repeat(32))),
                400, "VALIDATION_ERROR");
        String name = Catalogue.unique("rules");
        for (String[] c : List.of(
                new String[] {"\"tags\": [\"ok\", \" \"]", "tags[1]"},
                new String[] {"\"sourceId\": \"src_missing\"", "sourceId"},
                new String[] {"\"promotions\": [{\"fromScope\": \"org\", \"toScope\": \"org\", \"promotedBy\": \"a\"}]",
                        "promotions[0].toScope"},
                new String[] {"\"grants\": [{\"subjectType\": \"group\", \"subjectId\": \"grp_missing\", \"access\": \"allow\"}]",
                        "grants[0].subjectId"})) {
            Res r = api.post(BASE, """
                    {"name": "%s", "version": "1.0.0", "digest": "%s", "scope": "org", %s}
                    """.formatted(name, Catalogue.digest(), c[0]));
            assertEnvelope(r, 400, "VALIDATION_ERROR");
            assertTrue(Catalogue.fields(r).containsKey(c[1]), c[0] + " -> " + r.body());
        }
    }

    @Test
    void nameVersionAndDigestAreUniqueTogether() {
        String name = Catalogue.unique("uniq");
        String digest = Catalogue.digest();
        String body = """
                {"name": "%s", "version": "2.0.0", "digest": "%s", "scope": "org"}""".formatted(name, digest);
        assertEquals(201, api.post(BASE, body).status());
        assertEnvelope(api.post(BASE, body), 409, "ALREADY_EXISTS");
        assertEquals(201, api.post(BASE, body.replace("2.0.0", "2.0.1")).status());
        String other = api.post(BASE, """
                {"name": "%s", "version": "2.0.0", "digest": "%s", "scope": "org"}""".formatted(name, Catalogue.digest()))
                .json().getString("id");
        assertEnvelope(api.put(BASE + "/" + other, "{\"digest\": \"" + digest + "\"}"), 409, "ALREADY_EXISTS");
    }

    @Test
    void unknownIdsAre404WithTheBundleCode() {
        assertEnvelope(api.get(BASE + "/skl_nope"), 404, "SKILL_BUNDLE_NOT_FOUND");
        assertEnvelope(api.put(BASE + "/skl_nope", "{}"), 404, "SKILL_BUNDLE_NOT_FOUND");
        assertEnvelope(api.delete(BASE + "/skl_nope"), 404, "SKILL_BUNDLE_NOT_FOUND");
    }

    @Test
    void ifMatchGuardsUpdatesAndDeletes() {
        String id = Catalogue.skill(Catalogue.unique("etag"), "").getString("id");
        String etag = api.get(BASE + "/" + id).header("ETag");
        assertEquals(200, api.request("PUT", BASE + "/" + id).header("If-Match", etag).json("{\"tags\": [\"a\"]}").send().status());
        assertEnvelope(api.request("PUT", BASE + "/" + id).header("If-Match", etag).json("{}").send(), 412, "PRECONDITION_FAILED");
        assertEnvelope(api.request("DELETE", BASE + "/" + id).header("If-Match", etag).send(), 412, "PRECONDITION_FAILED");
    }

    @Test
    void listsFilterAndPageWithoutSkipsOrRepeats() {
        String name = Catalogue.unique("paged-skill");
        String tag = Catalogue.unique("tag");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(api.post(BASE, """
                    {"name": "%s", "version": "1.%d.0", "digest": "%s", "scope": "%s", "tags": ["%s"]}
                    """.formatted(name, i, Catalogue.digest(), i < 3 ? "project" : "org", tag)).json().getString("id"));
        }
        List<String> ids = Catalogue.pageAll(api, BASE + "?name=" + name, 2).stream().map(o -> o.getString("id")).toList();
        List<String> newestFirst = new ArrayList<>(mine);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, ids);
        assertEquals(3, Catalogue.pageAll(api, BASE + "?tag=" + tag + "&scope=project&status=draft", 1).size());
        assertEquals(0, Catalogue.pageAll(api, BASE + "?tag=" + tag + "&status=published", 5).size());
        for (String filter : List.of("scope=team", "status=deprecated", "limit=1001")) {
            assertEnvelope(api.get(BASE + "?" + filter), 400, "VALIDATION_ERROR");
        }
    }
}
