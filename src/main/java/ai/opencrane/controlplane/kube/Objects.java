package ai.opencrane.controlplane.kube;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reading the standard parts of a Kubernetes object held as JSON-P. */
public final class Objects {

    private Objects() {
    }

    public static JsonObject metadata(JsonObject o) {
        return o.getJsonObject("metadata");
    }

    public static String name(JsonObject o) {
        return metadata(o).getString("name");
    }

    public static String uid(JsonObject o) {
        return metadata(o).getString("uid", null);
    }

    public static String resourceVersion(JsonObject o) {
        return metadata(o).getString("resourceVersion");
    }

    /** The resourceVersion as a number for ordering writes, or null when the server's is not numeric. */
    public static Long rvNumber(String resourceVersion) {
        try {
            return resourceVersion == null ? null : Long.parseLong(resourceVersion);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Long generation(JsonObject o) {
        JsonObject m = metadata(o);
        return m.containsKey("generation") ? m.getJsonNumber("generation").longValue() : null;
    }

    public static Instant created(JsonObject o) {
        String ts = metadata(o).getString("creationTimestamp", null);
        return ts == null ? Instant.now() : Instant.parse(ts);
    }

    public static JsonObject labels(JsonObject o) {
        return object(metadata(o), "labels");
    }

    public static JsonObject annotations(JsonObject o) {
        return object(metadata(o), "annotations");
    }

    public static JsonObject spec(JsonObject o) {
        return object(o, "spec");
    }

    public static JsonObject status(JsonObject o) {
        return object(o, "status");
    }

    /** The named member when it is an object, else an empty object. */
    public static JsonObject object(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
    }
}
