package ai.opencrane.controlplane.testkit.kube;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What the API server does with a CRD's structural schema on every write: prune unknown fields, apply
 * defaults, and validate types, required fields, enums, patterns and bounds (a 422 lists the causes).
 */
final class StructuralSchema {

    private StructuralSchema() {
    }

    /** Returns the pruned and defaulted value; appends violations to {@code errors}. */
    static JsonValue apply(JsonValue value, JsonObject schema, String path, List<String> errors) {
        if (schema == null) {
            return value;
        }
        String type = schema.getString("type", "");
        if (schema.getBoolean("x-kubernetes-int-or-string", false)) {
            return value;
        }
        switch (type) {
            case "object" -> {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    errors.add(path + ": Invalid value: must be object");
                    return value;
                }
                return object(value.asJsonObject(), schema, path, errors);
            }
            case "array" -> {
                if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                    errors.add(path + ": Invalid value: must be array");
                    return value;
                }
                JsonObject items = schema.getJsonObject("items");
                JsonArrayBuilder out = KubeTestServer.JSON.createArrayBuilder();
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    out.add(apply(array.get(i), items, path + "[" + i + "]", errors));
                }
                return out.build();
            }
            case "string" -> {
                if (value.getValueType() != JsonValue.ValueType.STRING) {
                    errors.add(path + ": Invalid value: must be string");
                    return value;
                }
                String s = ((JsonString) value).getString();
                if (schema.containsKey("minLength") && s.length() < schema.getInt("minLength")) {
                    errors.add(path + ": Invalid value: should be at least " + schema.getInt("minLength") + " chars long");
                }
                if (schema.containsKey("pattern") && !Pattern.compile(schema.getString("pattern")).matcher(s).find()) {
                    errors.add(path + ": Invalid value: should match '" + schema.getString("pattern") + "'");
                }
                checkEnum(value, schema, path, errors);
                return value;
            }
            case "integer", "number" -> {
                if (value.getValueType() != JsonValue.ValueType.NUMBER
                        || type.equals("integer") && !((JsonNumber) value).isIntegral()) {
                    errors.add(path + ": Invalid value: must be " + type);
                    return value;
                }
                BigDecimal n = ((JsonNumber) value).bigDecimalValue();
                if (schema.containsKey("minimum") && n.compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
                    errors.add(path + ": Invalid value: should be greater than or equal to " + schema.get("minimum"));
                }
                if (schema.containsKey("maximum") && n.compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
                    errors.add(path + ": Invalid value: should be less than or equal to " + schema.get("maximum"));
                }
                checkEnum(value, schema, path, errors);
                return value;
            }
            case "boolean" -> {
                if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                    errors.add(path + ": Invalid value: must be boolean");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonObject object(JsonObject value, JsonObject schema, String path, List<String> errors) {
        JsonObject properties = schema.getJsonObject("properties");
        boolean preserve = schema.getBoolean("x-kubernetes-preserve-unknown-fields", false);
        JsonValue additional = schema.get("additionalProperties");
        JsonObjectBuilder out = KubeTestServer.JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : value.entrySet()) {
            String childPath = path + "." + e.getKey();
            if (properties != null && properties.containsKey(e.getKey())) {
                if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    continue;
                }
                out.add(e.getKey(), apply(e.getValue(), properties.getJsonObject(e.getKey()), childPath, errors));
            } else if (additional != null && additional.getValueType() == JsonValue.ValueType.OBJECT) {
                out.add(e.getKey(), apply(e.getValue(), additional.asJsonObject(), childPath, errors));
            } else if (preserve || properties == null && additional == null) {
                out.add(e.getKey(), e.getValue());
            }
            // else: pruned, as the API server does with unknown fields
        }
        if (properties != null) {
            for (Map.Entry<String, JsonValue> p : properties.entrySet()) {
                JsonObject child = p.getValue().asJsonObject();
                if (!value.containsKey(p.getKey()) && child.containsKey("default")) {
                    out.add(p.getKey(), apply(child.get("default"), child, path + "." + p.getKey(), errors));
                }
            }
        }
        JsonObject result = out.build();
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonString r : required.getValuesAs(JsonString.class)) {
                if (!result.containsKey(r.getString())) {
                    errors.add(path + "." + r.getString() + ": Required value");
                }
            }
        }
        return result;
    }

    private static void checkEnum(JsonValue value, JsonObject schema, String path, List<String> errors) {
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            errors.add(path + ": Unsupported value: " + value + ": supported values: " + allowed);
        }
    }
}
