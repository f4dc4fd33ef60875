package ai.opencrane.cli.output;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A table column: its heading and the (dotted) path of the field it shows. */
public record Column(String heading, String path) {

    private static final Pattern INSTANT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    public static Column of(String heading, String path) {
        return new Column(heading, path);
    }

    public String cell(JsonObject row) {
        JsonValue v = row;
        for (String part : path.split("\\.")) {
            if (!(v instanceof JsonObject o) || !o.containsKey(part)) {
                return "";
            }
            v = o.get(part);
        }
        return text(v);
    }

    /** A value as one line: strings bare, timestamps to the second, lists joined by commas, objects as JSON. */
    public static String text(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL -> "";
            case STRING -> {
                String s = ((JsonString) v).getString();
                var m = INSTANT.matcher(s);
                yield m.matches() ? m.group(1) + m.group(3) : s.replace('\n', ' ');
            }
            case ARRAY -> ((JsonArray) v).stream().map(Column::text).collect(Collectors.joining(","));
            default -> v.toString();
        };
    }
}
