package ai.opencrane.cli.commands;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.opencrane.cli.Failure;
import ai.opencrane.cli.Io;

/** A request body: the JSON object of {@code --file} (or {@code -f -}, standard input), then the fields given as flags. */
public final class Body {

    private final Map<String, JsonValue> fields = new LinkedHashMap<>();

    private Body(JsonObject base) {
        fields.putAll(base);
    }

    public static Body empty() {
        return new Body(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Starts from the file's object ({@code -} reads standard input), or an empty object without a file. */
    public static Body from(String file, Io io) {
        if (file == null) {
            return empty();
        }
        String text;
        try {
            text = file.equals("-") ? io.readStdin() : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw Failure.usage("no such file: " + file);
        } catch (IOException e) {
            throw Failure.usage("cannot read " + file + ": " + e.getMessage());
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return new Body(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw Failure.usage((file.equals("-") ? "standard input" : file) + " does not hold a JSON object");
        }
    }

    public Body put(String name, String value) {
        if (value != null) {
            fields.put(name, Json.createValue(value));
        }
        return this;
    }

    public Body put(String name, BigDecimal value) {
        if (value != null) {
            fields.put(name, Json.createValue(value));
        }
        return this;
    }

    public Body put(String name, Boolean value) {
        if (value != null) {
            fields.put(name, value ? JsonValue.TRUE : JsonValue.FALSE);
        }
        return this;
    }

    public Body put(String name, List<String> values) {
        if (values != null) {
            fields.put(name, Json.createArrayBuilder(values).build());
        }
        return this;
    }

    public Body put(String name, Map<String, String> values) {
        if (values != null) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            values.forEach(o::add);
            fields.put(name, o.build());
        }
        return this;
    }

    /** A nested object, merged into the file's object of that name, if any of its fields was given. */
    public Body put(String name, Body nested) {
        if (!nested.isEmpty()) {
            Map<String, JsonValue> merged = new LinkedHashMap<>();
            if (fields.get(name) instanceof JsonObject existing) {
                merged.putAll(existing);
            }
            merged.putAll(nested.fields);
            fields.put(name, new Body(JsonValue.EMPTY_JSON_OBJECT).with(merged).json());
        }
        return this;
    }

    /** Puts {@code value} unless the file already gave the field. */
    public Body putIfAbsent(String name, List<String> value) {
        if (!fields.containsKey(name)) {
            put(name, value);
        }
        return this;
    }

    private Body with(Map<String, JsonValue> more) {
        fields.putAll(more);
        return this;
    }

    /** Sends {@code null}: on an update, clears the field. */
    public Body clear(List<String> names) {
        if (names != null) {
            names.forEach(n -> fields.put(n, JsonValue.NULL));
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public JsonObject json() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        fields.forEach(b::add);
        return b.build();
    }
}
