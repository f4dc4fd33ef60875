package ai.opencrane.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Prints results in the chosen {@link Format}. JSON and YAML show the API's answer unchanged (a list fetched with
 * {@code --all} is one {@code {data, pagination}} page holding every item); tables are for people.
 */
public final class Output {

    private final Format format;
    private final PrintWriter out;
    private final PrintWriter err;

    public Output(Format format, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    public boolean human() {
        return format == Format.table;
    }

    /** One resource or report: {@code field: value} lines (nested fields dotted) in a table. */
    public void value(JsonValue v) {
        if (!human()) {
            raw(v);
        } else if (v instanceof JsonObject o) {
            fields(o, List.of());
        } else if (v != null) {
            out.println(Column.text(v));
        }
    }

    /** A resource or report with one list shown as a table under its other fields. */
    public void value(JsonObject v, String listField, List<Column> columns) {
        if (!human()) {
            raw(v);
            return;
        }
        fields(v, List.of(listField));
        JsonValue list = v.get(listField);
        if (list instanceof JsonArray a && !a.isEmpty()) {
            out.println();
            Table.print(a.getValuesAs(JsonObject.class), columns, out);
        }
    }

    /** A page {@code {data, pagination}}; in a table, a note on standard error says how to get more. */
    public void list(JsonObject page, List<Column> columns, String plural) {
        if (!human()) {
            raw(page);
            return;
        }
        JsonArray data = page.getJsonArray("data");
        if (data.isEmpty()) {
            err.println("no " + plural);
        } else {
            Table.print(data.getValuesAs(JsonObject.class), columns, out);
        }
        if (page.get("pagination") instanceof JsonObject p && p.getBoolean("hasMore", false)) {
            err.println("more " + plural + ": add --all, or --cursor " + p.getString("nextCursor", ""));
        }
    }

    /** The answer to an action: a sentence for people, the answer itself for scripts. */
    public void result(JsonValue body, String sentence) {
        if (human()) {
            out.println(sentence);
        } else {
            raw(body);
        }
    }

    /** A confirmation for people ("tenant alice deleted"); scripts asked for JSON or YAML and get nothing. */
    public void message(String text) {
        if (human()) {
            out.println(text);
        }
    }

    /** A note on standard error, whatever the format. */
    public void note(String text) {
        err.println(text);
    }

    public void raw(JsonValue v) {
        if (v == null) {
            return;
        }
        if (format == Format.yaml) {
            out.print(YamlText.of(v));
            out.flush();
        } else {
            out.println(JsonText.pretty(v));
        }
    }

    private void fields(JsonObject o, List<String> skip) {
        List<String[]> lines = new ArrayList<>();
        flatten("", o, skip, lines);
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        for (String[] l : lines) {
            out.println((l[0] + ":" + " ".repeat(width - l[0].length() + 2) + l[1]).stripTrailing());
        }
    }

    private static void flatten(String prefix, JsonObject o, List<String> skip, List<String[]> lines) {
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = prefix + e.getKey();
            JsonValue v = e.getValue();
            if (skip.contains(key) || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (v instanceof JsonObject nested && !nested.isEmpty()) {
                flatten(key + ".", nested, skip, lines);
            } else if (v instanceof JsonArray a && a.stream().anyMatch(x -> x instanceof JsonObject)) {
                lines.add(new String[] {key, a.toString()});
            } else {
                lines.add(new String[] {key, Column.text(v)});
            }
        }
    }
}
