package ai.opencrane.controlplane.kube;

import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import ai.opencrane.controlplane.api.JsonMapping;

/**
 * Computes the JSON merge patch (RFC 7386) that turns one object into another: changed members are set,
 * removed members are set to {@code null}, nested objects are diffed recursively, arrays replaced whole.
 * Used both to apply a requested change and to undo it when the PostgreSQL side of a write fails.
 */
public final class MergePatch {

    private MergePatch() {
    }

    public static JsonObject diff(JsonObject from, JsonObject to) {
        JsonObjectBuilder patch = JsonMapping.JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : from.entrySet()) {
            if (!to.containsKey(e.getKey())) {
                patch.addNull(e.getKey());
            }
        }
        for (Map.Entry<String, JsonValue> e : to.entrySet()) {
            JsonValue before = from.get(e.getKey());
            JsonValue after = e.getValue();
            if (after.equals(before)) {
                continue;
            }
            if (before != null && before.getValueType() == JsonValue.ValueType.OBJECT
                    && after.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject nested = diff(before.asJsonObject(), after.asJsonObject());
                if (!nested.isEmpty()) {
                    patch.add(e.getKey(), nested);
                }
            } else {
                patch.add(e.getKey(), after);
            }
        }
        return patch.build();
    }
}
