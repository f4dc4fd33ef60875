package ai.opencrane.controlplane.platform;

import java.io.StringReader;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Maps JSON-P values to PostgreSQL {@code jsonb}. Writes send text, which the server casts because the
 * data source sets {@code stringtype=unspecified}; reads get the driver's {@code PGobject}, whose text is the JSON.
 */
@Converter
public class JsonbConverter implements AttributeConverter<JsonValue, Object> {

    /** Looked up once: {@code Json.*} runs a ServiceLoader scan of the application's class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Object convertToDatabaseColumn(JsonValue value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonValue convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(column.toString()))) {
            return reader.readValue();
        }
    }
}
