package ai.opencrane.controlplane.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class PolicyBindingTest {

    static JsonObject spec(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    static final Map<String, JsonObject> POLICIES = Map.of(
            "research", spec("{\"tenantSelector\":{\"matchTeam\":\"research\"}}"),
            "gold", spec("{\"tenantSelector\":{\"matchLabels\":{\"tier\":\"gold\"}}}"),
            "research-gold", spec("{\"tenantSelector\":{\"matchTeam\":\"research\",\"matchLabels\":{\"tier\":\"gold\"}}}"),
            "by-name", spec("{\"tenantSelector\":{\"matchLabels\":{\"opencrane.io/tenant\":\"zed\"}}}"),
            "unselective", spec("{\"description\":\"bound by reference only\"}"),
            "empty-selector", spec("{\"tenantSelector\":{}}"));

    @Test
    void anExplicitReferenceWinsOrIsReportedMissing() {
        assertEquals(new PolicyBinding.Result("unselective", "policyRef", "Resolved", List.of()),
                PolicyBinding.resolve("a", "research", Map.of("tier", "gold"), "unselective", POLICIES));
        assertEquals(new PolicyBinding.Result(null, "policyRef", "PolicyNotFound", List.of("nope")),
                PolicyBinding.resolve("a", "research", Map.of(), "nope", POLICIES));
    }

    @Test
    void exactlyOneSelectorMatchBinds() {
        assertEquals(new PolicyBinding.Result("research", "selector", "Resolved", List.of()),
                PolicyBinding.resolve("a", "research", Map.of("tier", "silver"), null, POLICIES));
        assertEquals(new PolicyBinding.Result("gold", "selector", "Resolved", List.of()),
                PolicyBinding.resolve("a", "sales", Map.of("tier", "gold"), null, POLICIES));
        assertEquals(new PolicyBinding.Result("by-name", "selector", "Resolved", List.of()),
                PolicyBinding.resolve("zed", null, Map.of(), null, POLICIES), "implicit opencrane.io/tenant label");
    }

    @Test
    void severalMatchesAreAConflictAndNoneIsNone() {
        assertEquals(new PolicyBinding.Result(null, "selector", "PolicyConflict", List.of("gold", "research", "research-gold")),
                PolicyBinding.resolve("a", "research", Map.of("tier", "gold"), null, POLICIES));
        assertEquals(new PolicyBinding.Result(null, "none", "NoPolicy", List.of()),
                PolicyBinding.resolve("a", "sales", Map.of(), null, POLICIES), "empty selectors bind nobody");
    }
}
