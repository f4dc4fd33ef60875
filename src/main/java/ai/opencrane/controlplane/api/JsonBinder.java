package ai.opencrane.controlplane.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Binds a JSON object to a request record strictly: unknown fields, wrong types and violations of the
 * constraints declared in each component's {@link Schema} annotation (required, enumeration, pattern,
 * lengths, bounds, item counts) are all collected and reported together as one 400 naming the fields.
 * The same annotations generate the OpenAPI document, so documentation and validation cannot drift apart.
 *
 * <p>An {@code Optional} component is tri-state, for PUT bodies: absent is {@code null}, JSON {@code null}
 * is {@code Optional.empty()} (clear the field), a value is {@code Optional.of(value)}.
 */
public final class JsonBinder {

    static final int DEFAULT_MAX_STRING = 4096;
    static final int DEFAULT_MAX_ITEMS = 1000;
    static final int MAX_FREE_FORM_DEPTH = 16;

    private JsonBinder() {
    }

    public static <R extends Record> R bind(JsonObject json, Class<R> type) {
        Map<String, String> errors = new TreeMap<>();
        R value = bindRecord(json, type, "", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return value;
    }

    /** What binding needs of a record type, worked out once per type (reflection is slow and allocates). */
    private record Shape(Set<String> names, Part[] parts, Constructor<?> constructor) {
    }

    /** One component: its name, declared type, the type a value binds to, and its constraints. */
    private record Part(String name, Class<?> type, boolean optional, Type target, Schema schema) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Part[] parts = new Part[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                boolean optional = c.getType() == Optional.class;
                types[i] = c.getType();
                parts[i] = new Part(c.getName(), c.getType(), optional,
                        optional ? typeArgument(c.getGenericType(), 0) : c.getGenericType(), schemaOf(type, c.getName()));
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(Arrays.stream(parts).map(Part::name).collect(Collectors.toUnmodifiableSet()), parts,
                        constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
            }
        }
    };

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private static <R> R bindRecord(JsonObject json, Class<R> type, String path, Map<String, String> errors) {
        Shape shape = SHAPES.get(type);
        for (String key : json.keySet()) {
            if (!shape.names().contains(key)) {
                errors.put(join(path, key), "unknown field");
            }
        }
        Part[] parts = shape.parts();
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Part part = parts[i];
            Schema schema = part.schema();
            String fieldPath = join(path, part.name());
            JsonValue v = json.get(part.name());
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                if (schema != null && schema.required()) {
                    errors.put(fieldPath, "is required");
                }
                args[i] = part.optional() && v != null ? Optional.empty() : defaultFor(part.type());
                continue;
            }
            Object bound = bindValue(v, part.target(), schema, fieldPath, errors, 0);
            args[i] = part.optional() ? Optional.ofNullable(bound) : bound;
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return type.cast(shape.constructor().newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object bindValue(JsonValue v, Type target, Schema schema, String path,
                                    Map<String, String> errors, int depth) {
        Class<?> raw = rawClass(target);
        switch (v.getValueType()) {
            case STRING -> {
                String s = ((JsonString) v).getString();
                if (raw == String.class) {
                    return checkString(s, schema, path, errors);
                }
                if (raw == Instant.class) {
                    return parseInstant(s, path, errors);
                }
            }
            case NUMBER -> {
                JsonNumber n = (JsonNumber) v;
                Object number = bindNumber(n, raw, path, errors);
                if (number != null || errors.containsKey(path)) {
                    if (number != null) {
                        checkBounds(n.bigDecimalValue(), schema, path, errors);
                    }
                    return number;
                }
            }
            case TRUE, FALSE -> {
                if (raw == Boolean.class || raw == boolean.class) {
                    return v.getValueType() == JsonValue.ValueType.TRUE;
                }
            }
            case ARRAY -> {
                if (raw == List.class) {
                    return bindList((JsonArray) v, typeArgument(target, 0), schema, path, errors, depth);
                }
            }
            case OBJECT -> {
                if (raw.isRecord()) {
                    return bindRecord((JsonObject) v, raw, path, errors);
                }
                if (raw == Map.class) {
                    return bindMap((JsonObject) v, typeArgument(target, 1), schema, path, errors, depth);
                }
            }
            default -> {
            }
        }
        if (raw == JsonValue.class || raw == JsonObject.class && v.getValueType() == JsonValue.ValueType.OBJECT) {
            if (depthOf(v, 0) > MAX_FREE_FORM_DEPTH) {
                errors.put(path, "nested too deeply (at most " + MAX_FREE_FORM_DEPTH + " levels)");
                return null;
            }
            return v;
        }
        errors.put(path, "must be " + describe(raw));
        return null;
    }

    private static String checkString(String s, Schema schema, String path, Map<String, String> errors) {
        int max = schema != null && schema.maxLength() != Integer.MAX_VALUE ? schema.maxLength() : DEFAULT_MAX_STRING;
        int min = schema != null ? schema.minLength() : 0;
        if (s.length() > max) {
            errors.put(path, "must be at most " + max + " characters");
            return null;
        }
        if (s.length() < min) {
            errors.put(path, min == 1 ? "must not be empty" : "must be at least " + min + " characters");
            return null;
        }
        if (s.indexOf('\u0000') >= 0) {
            errors.put(path, "must not contain NUL characters");
            return null;
        }
        if (schema != null && schema.enumeration().length > 0 && !Arrays.asList(schema.enumeration()).contains(s)) {
            errors.put(path, "must be one of " + String.join(", ", schema.enumeration()));
            return null;
        }
        if (schema != null && !schema.pattern().isEmpty()
                && !PATTERNS.computeIfAbsent(schema.pattern(), Pattern::compile).matcher(s).matches()) {
            errors.put(path, schema.description().isEmpty()
                    ? "must match " + schema.pattern() : "must be " + lowerFirst(schema.description()));
            return null;
        }
        return s;
    }

    private static Object bindNumber(JsonNumber n, Class<?> raw, String path, Map<String, String> errors) {
        BigDecimal d = n.bigDecimalValue();
        if (raw == BigDecimal.class) {
            if (d.abs().compareTo(new BigDecimal("1e15")) > 0 || d.scale() > 6) {
                errors.put(path, "must be a number below 1e15 with at most 6 decimals");
                return null;
            }
            return d;
        }
        if (raw == Double.class || raw == double.class) {
            return d.doubleValue();
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            try {
                long l = d.longValueExact();
                if ((raw == Integer.class || raw == int.class) && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                    errors.put(path, "must be a 32-bit integer");
                    return null;
                }
                return raw == Long.class || raw == long.class ? (Object) l : (Object) (int) l;
            } catch (ArithmeticException e) {
                errors.put(path, "must be an integer");
                return null;
            }
        }
        return null;
    }

    private static void checkBounds(BigDecimal value, Schema schema, String path, Map<String, String> errors) {
        if (schema == null) {
            return;
        }
        if (!schema.minimum().isEmpty() && value.compareTo(new BigDecimal(schema.minimum())) < 0) {
            errors.put(path, "must be at least " + schema.minimum());
        } else if (!schema.maximum().isEmpty() && value.compareTo(new BigDecimal(schema.maximum())) > 0) {
            errors.put(path, "must be at most " + schema.maximum());
        }
    }

    private static Instant parseInstant(String s, String path, Map<String, String> errors) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(path, "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T12:00:00Z");
            return null;
        }
    }

    private static List<Object> bindList(JsonArray array, Type itemType, Schema schema, String path,
                                         Map<String, String> errors, int depth) {
        int max = schema != null && schema.maxItems() != Integer.MAX_VALUE ? schema.maxItems() : DEFAULT_MAX_ITEMS;
        if (array.size() > max) {
            errors.put(path, "must have at most " + max + " items");
            return null;
        }
        Schema itemSchema = rawClass(itemType) == String.class ? schema : null;
        List<Object> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            String itemPath = path + "[" + i + "]";
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                errors.put(itemPath, "must not be null");
                continue;
            }
            out.add(bindValue(item, itemType, itemSchema, itemPath, errors, depth + 1));
        }
        return out;
    }

    private static Map<String, Object> bindMap(JsonObject object, Type valueType, Schema schema, String path,
                                               Map<String, String> errors, int depth) {
        int max = schema != null && schema.maxProperties() != Integer.MAX_VALUE && schema.maxProperties() > 0
                ? schema.maxProperties() : DEFAULT_MAX_ITEMS;
        if (object.size() > max) {
            errors.put(path, "must have at most " + max + " entries");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String entryPath = join(path, e.getKey());
            if (e.getKey().length() > 316) {
                errors.put(path, "keys must be at most 316 characters");
                continue;
            }
            if (e.getValue().getValueType() == JsonValue.ValueType.NULL) {
                errors.put(entryPath, "must not be null");
                continue;
            }
            out.put(e.getKey(), bindValue(e.getValue(), valueType, null, entryPath, errors, depth + 1));
        }
        return out;
    }

    private static int depthOf(JsonValue v, int depth) {
        if (depth > MAX_FREE_FORM_DEPTH) {
            return depth;
        }
        return switch (v.getValueType()) {
            case OBJECT -> v.asJsonObject().values().stream().mapToInt(x -> depthOf(x, depth + 1)).max().orElse(depth + 1);
            case ARRAY -> v.asJsonArray().stream().mapToInt(x -> depthOf(x, depth + 1)).max().orElse(depth + 1);
            default -> depth;
        };
    }

    private static Schema schemaOf(Class<?> type, String component) {
        try {
            Field f = type.getDeclaredField(component);
            return f.getAnnotation(Schema.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Object defaultFor(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String describe(Class<?> raw) {
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Instant.class) {
            return "an ISO-8601 date-time string";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "an integer";
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            return "a number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "a boolean";
        }
        if (raw == List.class) {
            return "an array";
        }
        return "an object";
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
