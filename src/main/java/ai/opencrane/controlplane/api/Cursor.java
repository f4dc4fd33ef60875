package ai.opencrane.controlplane.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Opaque keyset cursor: base64url of a JSON array holding the last row's sort key and its unique id.
 * Clients must treat it as opaque; a cursor that does not decode is a 400, never a silent first page.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(List<String> key) {
        JsonArrayBuilder array = JsonMapping.JSON.createArrayBuilder();
        key.forEach(array::add);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode} with exactly {@code parts} strings. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor.length() > 1024) {
            throw invalidCursor();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            try (JsonReader reader = JsonMapping.JSON.createReader(new StringReader(new String(raw, StandardCharsets.UTF_8)))) {
                JsonArray array = reader.readArray();
                if (array.size() != parts || array.stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)) {
                    throw invalidCursor();
                }
                return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    public static ApiException invalidCursor() {
        return ApiException.invalid("cursor", "is not a cursor this API issued");
    }
}
