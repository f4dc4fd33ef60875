package ai.opencrane.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import picocli.CommandLine.Command;

import ai.opencrane.cli.Session;
import ai.opencrane.cli.output.Column;
import ai.opencrane.cli.output.Table;

@Command(name = "openapi", description = {"The server's OpenAPI document, the catalogue of its routes.",
        "As a table: one line per operation; with -o json or -o yaml: the document itself."},
        footerHeading = ApiCommand.EXAMPLE, footer = {"  opencrane openapi", "  opencrane openapi -o json > openapi.json"})
public final class OpenApiCommand extends ApiCommand {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @Override
    protected void run(Session s) {
        JsonObject doc = s.client().get("/openapi.json", null).object();
        if (!s.output().human()) {
            s.output().raw(doc);
            return;
        }
        List<JsonObject> rows = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : doc.getJsonObject("paths").entrySet()) {
            for (String method : METHODS) {
                if (path.getValue().asJsonObject().get(method) instanceof JsonObject op) {
                    rows.add(Json.createObjectBuilder().add("method", method.toUpperCase())
                            .add("path", path.getKey()).add("summary", op.getString("summary", "")).build());
                }
            }
        }
        Table.print(rows, List.of(Column.of("METHOD", "method"), Column.of("PATH", "path"), Column.of("SUMMARY", "summary")),
                s.io().out());
    }
}
