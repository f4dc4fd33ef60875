package ai.opencrane.controlplane.api;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JSON-B conversions between records and JSON-P values (nulls omitted). */
public final class JsonMapping {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonMapping() {
    }

    public static JsonValue toJson(Object value) {
        try (JsonReader reader = Json.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }

    public static <T> T fromJson(JsonValue value, Class<T> type) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : JSONB.fromJson(value.toString(), type);
    }
}
