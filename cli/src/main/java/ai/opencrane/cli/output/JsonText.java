package ai.opencrane.cli.output;

import java.util.Iterator;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** JSON as text: indented by two spaces, keys in the server's order. */
public final class JsonText {

    private JsonText() {
    }

    public static String pretty(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, "", out);
        return out.toString();
    }

    /** A JSON string literal, escaped as JSON requires (also valid YAML double-quoted). */
    public static String quote(String s) {
        return Json.createValue(s).toString();
    }

    private static void write(JsonValue value, String indent, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject o = value.asJsonObject();
                if (o.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                Iterator<Map.Entry<String, JsonValue>> it = o.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonValue> e = it.next();
                    out.append(indent).append("  ").append(quote(e.getKey())).append(": ");
                    write(e.getValue(), indent + "  ", out);
                    out.append(it.hasNext() ? ",\n" : "\n");
                }
                out.append(indent).append('}');
            }
            case ARRAY -> {
                JsonArray a = value.asJsonArray();
                if (a.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                for (int i = 0; i < a.size(); i++) {
                    out.append(indent).append("  ");
                    write(a.get(i), indent + "  ", out);
                    out.append(i + 1 < a.size() ? ",\n" : "\n");
                }
                out.append(indent).append(']');
            }
            default -> out.append(value);
        }
    }
}
