package ai.opencrane.controlplane.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Which access policy binds a tenant: its explicit {@code policyRef} when set (missing is reported, not
 * replaced); else the single policy whose {@code tenantSelector} matches the tenant's team and labels (a
 * selector matches when its {@code matchTeam} equals the team and every {@code matchLabels} entry is among the
 * tenant's labels, including the implicit {@code opencrane.io/tenant} and {@code opencrane.io/team}; a policy
 * without a selector binds only by reference); two or more matches are a conflict, never a guess.
 */
public final class PolicyBinding {

    /** The outcome: the bound policy's name (or null), how it was chosen, and the candidates of a conflict. */
    public record Result(String policy, String source, String state, List<String> candidates) {
    }

    private PolicyBinding() {
    }

    /** {@code policies} maps each policy's name to its spec. */
    public static Result resolve(String tenant, String team, Map<String, String> labels, String policyRef,
                                 Map<String, JsonObject> policies) {
        if (policyRef != null) {
            return policies.containsKey(policyRef)
                    ? new Result(policyRef, "policyRef", "Resolved", List.of())
                    : new Result(null, "policyRef", "PolicyNotFound", List.of(policyRef));
        }
        Map<String, String> all = new HashMap<>(labels == null ? Map.of() : labels);
        all.put("opencrane.io/tenant", tenant);
        if (team != null) {
            all.put("opencrane.io/team", team);
        }
        List<String> matches = new ArrayList<>();
        policies.forEach((name, spec) -> {
            if (selects(spec, team, all)) {
                matches.add(name);
            }
        });
        matches.sort(String::compareTo);
        return switch (matches.size()) {
            case 0 -> new Result(null, "none", "NoPolicy", List.of());
            case 1 -> new Result(matches.get(0), "selector", "Resolved", List.of());
            default -> new Result(null, "selector", "PolicyConflict", List.copyOf(matches));
        };
    }

    static boolean selects(JsonObject spec, String team, Map<String, String> labels) {
        JsonValue selector = spec.get("tenantSelector");
        if (selector == null || selector.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonObject s = selector.asJsonObject();
        String matchTeam = s.getString("matchTeam", null);
        JsonObject matchLabels = s.containsKey("matchLabels") && s.get("matchLabels").getValueType() == JsonValue.ValueType.OBJECT
                ? s.getJsonObject("matchLabels") : JsonValue.EMPTY_JSON_OBJECT;
        if (matchTeam == null && matchLabels.isEmpty()) {
            return false;
        }
        if (matchTeam != null && !matchTeam.equals(team)) {
            return false;
        }
        for (Map.Entry<String, JsonValue> e : matchLabels.entrySet()) {
            if (!(e.getValue() instanceof JsonString v) || !v.getString().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
