package ai.opencrane.controlplane.contract;

import static ai.opencrane.controlplane.api.ConventionsIT.assertEnvelope;
import static ai.opencrane.controlplane.testkit.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Catalogue;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Res;

/** A small organisation built over HTTP, and the exact contracts its tenants get. */
class ContractIT {

    private final Api api = ControlPlane.api();

    private String tenant(String team, String labels, String policyRef) {
        String name = unique("ct");
        String body = "{\"name\":\"" + name + "\",\"displayName\":\"T\",\"email\":\"" + name + "@example.com\""
                + (team == null ? "" : ",\"team\":\"" + team + "\"") + (labels == null ? "" : ",\"labels\":" + labels)
                + (policyRef == null ? "" : ",\"policyRef\":\"" + policyRef + "\"") + "}";
        assertEquals(201, api.post("/api/v1/tenants", body).status());
        return name;
    }

    private void policy(String name, String selector) {
        Res r = api.post("/api/v1/policies", "{\"name\":\"" + name + "\",\"tenantSelector\":" + selector + "}");
        assertEquals(201, r.status(), r.body());
    }

    private JsonObject contract(String tenant) {
        Res r = api.get("/api/v1/tenants/" + tenant + "/effective-contract");
        assertEquals(200, r.status(), r.body());
        assertEquals("\"" + r.json().getString("contractId") + "\"", r.header("ETag"));
        return r.json();
    }

    private static String grant(String subjectType, String subjectId, String access, int priority) {
        return "{\"subjectType\":\"" + subjectType + "\",\"subjectId\":\"" + subjectId + "\",\"access\":\"" + access
                + "\",\"priority\":" + priority + "}";
    }

    private String publishedSkill(String name, String grants) {
        JsonObject skill = Catalogue.skill(name, "\"grants\":[" + grants + "]");
        String id = skill.getString("id");
        ControlPlane.db().update("UPDATE skill_bundles SET scan_status = 'passed', scanned_at = now() WHERE id = ?", id);
        Res r = api.put("/api/v1/skills/catalog/" + id, "{\"status\":\"published\"}");
        assertEquals(200, r.status(), r.body());
        return id;
    }

    private static List<String> names(JsonObject contract, String section, String list) {
        return contract.getJsonObject(section).getJsonArray(list).stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
    }

    @Test
    void grantsDecideWhatATenantReaches() {
        String team = unique("team");
        String alice = tenant(team, null, null);
        JsonObject group = Catalogue.group(unique("grp"), "\"members\":[\"" + alice + "\"],\"grants\":["
                + "{\"payloadType\":\"awareness\",\"access\":\"allow\"}]");
        String groupId = group.getString("id");
        String allowed = unique("allowed");
        Catalogue.mcpServer(allowed, "\"status\":\"active\",\"grants\":[" + grant("tenant", alice, "allow", 0) + "]");
        String overridden = unique("overridden");
        Catalogue.mcpServer(overridden, "\"status\":\"active\",\"grants\":[" + grant("group", groupId, "allow", 1) + ","
                + grant("tenant", alice, "deny", 5) + "]");
        String viaGroup = unique("viagroup");
        Catalogue.mcpServer(viaGroup, "\"status\":\"active\",\"grants\":[" + grant("group", groupId, "allow", 0) + "]");
        String tie = unique("tie");
        Catalogue.mcpServer(tie, "\"status\":\"active\",\"grants\":[" + grant("group", groupId, "allow", 2) + ","
                + grant("user", alice + "@example.com", "deny", 2) + "]");
        String draft = unique("draft");
        Catalogue.mcpServer(draft, "\"status\":\"draft\",\"grants\":[" + grant("tenant", alice, "allow", 0) + "]");
        Catalogue.mcpServer(unique("ungranted"), "\"status\":\"active\"");
        String skill = unique("skill");
        publishedSkill(skill, grant("user", alice + "@example.com", "allow", 0));
        Catalogue.skill(unique("unpublished"), "\"grants\":[" + grant("tenant", alice, "allow", 0) + "]");

        JsonObject c = contract(alice);
        assertEquals(ContractService.VERSION, c.getString("contractVersion"));
        assertEquals(alice, c.getJsonObject("tenant").getString("name"));
        assertEquals(team, c.getJsonObject("tenant").getString("team"));
        assertEquals(List.of(allowed, viaGroup).stream().sorted().toList(), names(c, "mcp", "servers"),
                "allowed and active only; deny wins the tie; higher priority wins");
        assertEquals(List.of(skill), names(c, "skills", "entitled"), "allowed and published only");
        assertTrue(c.getJsonObject("mcp").getString("gateway").startsWith("http"));
        assertTrue(c.getJsonObject("skills").getString("registry").startsWith("http"));
        JsonObject awareness = c.getJsonObject("awareness");
        assertEquals("inline", awareness.getString("citationFormat"));
        assertEquals("[\"default\"]", awareness.getJsonObject("memberships").getJsonArray("org").toString());
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("payloadId", "awareness/default")
                .add("access", "allow")).build(), awareness.getJsonArray("grants"));
        JsonObject server = c.getJsonObject("mcp").getJsonArray("servers").getJsonObject(0);
        assertEquals(Json.createArrayBuilder().add("endpoint").add("id").add("name").add("transport").build().toString(),
                server.keySet().stream().sorted().collect(Json::createArrayBuilder, (b, k) -> b.add(k), (a, b) -> { }).build().toString());

        // a tenant in no group with no grant gets nothing (deny by default)
        JsonObject bob = contract(tenant(unique("team"), null, null));
        assertTrue(bob.getJsonObject("mcp").getJsonArray("servers").isEmpty());
        assertTrue(bob.getJsonObject("skills").getJsonArray("entitled").isEmpty());
    }

    @Test
    void theContractIdIsTheHashOfTheRestAndMovesWithTheContract() {
        String t = tenant(unique("team"), null, null);
        JsonObject first = contract(t);
        assertEquals(first.getString("contractId"), contract(t).getString("contractId"), "same data, same id");
        JsonObject rest = Json.createObjectBuilder(first).remove("contractId").build();
        assertEquals(CanonicalJson.sha256Hex(rest), first.getString("contractId"));
        assertTrue(first.getString("contractId").matches("[0-9a-f]{64}"));

        Catalogue.mcpServer(unique("new"), "\"status\":\"active\",\"grants\":[" + grant("tenant", t, "allow", 0) + "]");
        assertNotEquals(first.getString("contractId"), contract(t).getString("contractId"), "a new server changes it");
    }

    @Test
    void policyBindingCases() {
        String explicitPolicy = unique("explicit");
        policy(explicitPolicy, "{}");
        JsonObject explicit = contract(tenant(null, null, explicitPolicy)).getJsonObject("policy");
        assertEquals(explicitPolicy, explicit.getString("name"));
        assertEquals("policyRef", explicit.getString("source"));
        assertEquals("Resolved", explicit.getString("state"));
        assertTrue(explicit.containsKey("spec"));

        JsonObject missing = contract(tenant(null, null, unique("missing"))).getJsonObject("policy");
        assertEquals("PolicyNotFound", missing.getString("state"));
        assertFalse(missing.containsKey("name"));

        String team = unique("team");
        String selected = unique("selected");
        policy(selected, "{\"matchTeam\":\"" + team + "\"}");
        JsonObject bySelector = contract(tenant(team, null, null)).getJsonObject("policy");
        assertEquals(selected, bySelector.getString("name"));
        assertEquals("selector", bySelector.getString("source"));

        JsonObject none = contract(tenant(unique("lonely"), null, null)).getJsonObject("policy");
        assertEquals("NoPolicy", none.getString("state"));
        assertEquals("none", none.getString("source"));

        String conflictTeam = unique("team");
        String label = unique("lbl");
        String a = unique("pa");
        String b = unique("pb");
        policy(a, "{\"matchTeam\":\"" + conflictTeam + "\"}");
        policy(b, "{\"matchLabels\":{\"cohort\":\"" + label + "\"}}");
        JsonObject conflict = contract(tenant(conflictTeam, "{\"cohort\":\"" + label + "\"}", null)).getJsonObject("policy");
        assertEquals("PolicyConflict", conflict.getString("state"));
        assertFalse(conflict.containsKey("name"), "a conflict is reported, not guessed");
        assertEquals(List.of(a, b).stream().sorted().toList(),
                conflict.getJsonArray("candidates").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    @Test
    void unknownTenantIs404() {
        assertEnvelope(api.get("/api/v1/tenants/nobody-at-all/effective-contract"), 404, "TENANT_NOT_FOUND");
    }
}
