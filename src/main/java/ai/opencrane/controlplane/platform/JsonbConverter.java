package ai.opencrane.controlplane.platform;

import java.io.StringReader;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import ai.opencrane.controlplane.api.JsonMapping;

/**
 * Maps JSON-P values to PostgreSQL {@code jsonb}. Writes send text, which the server casts because the
 * data source sets {@code stringtype=unspecified}; reads get the driver's {@code PGobject}, whose text is the JsonMapping.JSON.
 */
@Converter
public class JsonbConverter implements AttributeConverter<JsonValue, Object> {


    @Override
    public Object convertToDatabaseColumn(JsonValue value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonValue convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        try (JsonReader reader = JsonMapping.JSON.createReader(new StringReader(column.toString()))) {
            return reader.readValue();
        }
    }
}
