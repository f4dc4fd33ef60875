package ai.opencrane.cli.output;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * JSON values as YAML block text. Strings are written plain when YAML would read them back as the same string, and
 * double-quoted (with JSON's escapes, which YAML shares) otherwise: numbers, booleans, null-like words, indicators.
 */
public final class YamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./ @+=()-]*");
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.?[0-9].*|\\.inf|\\.nan))");

    private YamlText() {
    }

    public static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        if (isScalarOrEmpty(value)) {
            out.append(scalar(value)).append('\n');
        } else {
            block(value, "", out);
        }
        return out.toString();
    }

    private static void block(JsonValue value, String indent, StringBuilder out) {
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                out.append(indent).append(string(e.getKey())).append(':');
                nested(e.getValue(), indent + "  ", out);
            }
        } else {
            for (JsonValue item : (JsonArray) value) {
                out.append(indent).append('-');
                if (item instanceof JsonObject o && !o.isEmpty()) {
                    // the first key shares the dash's line
                    StringBuilder inner = new StringBuilder();
                    block(o, indent + "  ", inner);
                    out.append(' ').append(inner.substring(indent.length() + 2));
                } else {
                    nested(item, indent + "  ", out);
                }
            }
        }
    }

    private static void nested(JsonValue value, String indent, StringBuilder out) {
        if (isScalarOrEmpty(value)) {
            out.append(' ').append(scalar(value)).append('\n');
        } else {
            out.append('\n');
            block(value, indent, out);
        }
    }

    private static boolean isScalarOrEmpty(JsonValue v) {
        return !(v instanceof JsonObject o && !o.isEmpty()) && !(v instanceof JsonArray a && !a.isEmpty());
    }

    private static String scalar(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> string(((JsonString) v).getString());
            case OBJECT -> "{}";
            case ARRAY -> "[]";
            default -> v.toString();
        };
    }

    static String string(String s) {
        boolean plain = PLAIN.matcher(s).matches() && !LOOKS_TYPED.matcher(s).matches() && !s.endsWith(" ");
        return plain ? s : JsonText.quote(s);
    }
}
