package ai.opencrane.controlplane.api;

import java.io.StringReader;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

/** JSON-B conversions between records and JSON-P values (nulls omitted). */
public final class JsonMapping {

    /** Looked up once: {@code Json.*} runs a ServiceLoader scan of the application's class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonMapping() {
    }

    public static JsonValue toJson(Object value) {
        try (JsonReader reader = JSON.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }

    public static <T> T fromJson(JsonValue value, Class<T> type) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : JSONB.fromJson(value.toString(), type);
    }
}
