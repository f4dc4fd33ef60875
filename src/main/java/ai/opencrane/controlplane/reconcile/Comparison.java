package ai.opencrane.controlplane.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.Objects;

/**
 * How a resource and its projected row are compared, the same way for detection and repair: each compared
 * field is extracted from the resource shape (which rows also take), API-server defaults are applied, and
 * values are normalised — object keys sorted, absent, null and empty objects equal, numbers by value.
 * A freshly created resource therefore never differs from its row.
 */
public final class Comparison {


    public static final List<String> TENANT_FIELDS = List.of("displayName", "email", "team", "labels", "policyRef",
            "suspended", "monthlyBudgetUsd", "resources", "skillAllowlist", "mcpPolicy", "channels", "configOverrides",
            "openclawImage", "openclawVersion", "phase", "ingressHost");
    public static final List<String> POLICY_FIELDS = List.of("description", "tenantSelector", "domains", "egressRules",
            "mcpServers");

    private Comparison() {
    }

    /** The compared fields of a Tenant, normalised. */
    public static Map<String, JsonValue> tenant(JsonObject resource) {
        JsonObject spec = Objects.spec(resource);
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (String f : TENANT_FIELDS) {
            JsonValue v = switch (f) {
                case "labels" -> Objects.labels(resource);
                case "phase" -> Objects.status(resource).get("phase");
                case "ingressHost" -> Objects.status(resource).get("ingressHost");
                case "suspended" -> spec.containsKey("suspended") ? spec.get("suspended") : JsonValue.FALSE;
                default -> spec.get(f);
            };
            out.put(f, normalise(v));
        }
        return out;
    }

    /** The compared fields of an AccessPolicy, normalised, with the CRD's defaults applied. */
    public static Map<String, JsonValue> policy(JsonObject resource) {
        JsonObject spec = Objects.spec(resource);
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (String f : POLICY_FIELDS) {
            JsonValue v = spec.get(f);
            if (f.equals("domains") && v != null && v.getValueType() == JsonValue.ValueType.OBJECT
                    && !v.asJsonObject().containsKey("defaultDeny")) {
                v = JsonMapping.JSON.createObjectBuilder(v.asJsonObject()).add("defaultDeny", true).build();
            }
            if (f.equals("egressRules") && v != null && v.getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArrayBuilder rules = JsonMapping.JSON.createArrayBuilder();
                for (JsonValue r : v.asJsonArray()) {
                    rules.add(r.getValueType() == JsonValue.ValueType.OBJECT && !r.asJsonObject().containsKey("protocol")
                            ? JsonMapping.JSON.createObjectBuilder(r.asJsonObject()).add("protocol", "TCP").build() : r);
                }
                v = rules.build();
            }
            out.put(f, normalise(v));
        }
        return out;
    }

    /** The names of the fields whose normalised values differ. */
    public static List<String> differences(Map<String, JsonValue> source, Map<String, JsonValue> projection) {
        List<String> fields = new ArrayList<>();
        source.forEach((field, value) -> {
            if (!value.equals(projection.getOrDefault(field, JsonValue.NULL))) {
                fields.add(field);
            }
        });
        return fields;
    }

    /** Canonical form: sorted keys, null members and empty objects dropped, numbers without trailing zeros. */
    static JsonValue normalise(JsonValue v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        return switch (v.getValueType()) {
            case OBJECT -> {
                Map<String, JsonValue> sorted = new TreeMap<>();
                v.asJsonObject().forEach((k, x) -> {
                    JsonValue n = normalise(x);
                    if (n != JsonValue.NULL) {
                        sorted.put(k, n);
                    }
                });
                if (sorted.isEmpty()) {
                    yield JsonValue.NULL;
                }
                JsonObjectBuilder b = JsonMapping.JSON.createObjectBuilder();
                sorted.forEach(b::add);
                yield b.build();
            }
            case ARRAY -> {
                JsonArrayBuilder b = JsonMapping.JSON.createArrayBuilder();
                v.asJsonArray().forEach(x -> b.add(normalise(x)));
                yield b.build();
            }
            case NUMBER -> {
                BigDecimal d = ((JsonNumber) v).bigDecimalValue();
                yield JsonMapping.JSON.createValue(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
            }
            default -> v;
        };
    }

    /** The extractor for a kind. */
    public static Function<JsonObject, Map<String, JsonValue>> of(String kind) {
        return kind.equals("Tenant") ? Comparison::tenant : Comparison::policy;
    }

    public static List<String> fields(String kind) {
        return kind.equals("Tenant") ? TENANT_FIELDS : POLICY_FIELDS;
    }
}
