package ai.opencrane.cli.commands;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import ai.opencrane.cli.Client;
import ai.opencrane.cli.Failure;
import ai.opencrane.cli.Reply;

/** Reads a collection: one page, or with {@code all} every page by following {@code nextCursor}. */
final class Pages {

    private Pages() {
    }

    /** The page (or all pages) as one {@code {data, pagination}}; a bare array is taken as a single last page. */
    static JsonObject fetch(Client client, String path, Map<String, String> filters, Integer limit, String cursor, boolean all) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw Failure.usage("--limit must be from 1 to 1000");
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        String next = cursor;
        JsonObject pagination;
        do {
            Map<String, String> query = new LinkedHashMap<>(filters);
            query.put("limit", limit == null ? null : limit.toString());
            query.put("cursor", next);
            JsonObject page = page(client.get(path, query));
            page.getJsonArray("data").forEach(data::add);
            pagination = page.getJsonObject("pagination");
            next = pagination.getBoolean("hasMore", false) ? pagination.getString("nextCursor", null) : null;
            if (next != null && !seen.add(next)) {
                throw new Failure(Failure.API, "the server returned the same cursor twice; stopped paging", List.of());
            }
        } while (all && next != null);
        if (all) {
            pagination = Json.createObjectBuilder().add("limit", pagination.getInt("limit", 0)).add("hasMore", false).build();
        }
        return Json.createObjectBuilder().add("data", data).add("pagination", pagination).build();
    }

    private static JsonObject page(Reply reply) {
        JsonValue body = reply.body();
        if (body != null && body.getValueType() == JsonValue.ValueType.ARRAY) {
            return Json.createObjectBuilder().add("data", body)
                    .add("pagination", Json.createObjectBuilder().add("limit", body.asJsonArray().size()).add("hasMore", false))
                    .build();
        }
        JsonObject o = reply.object();
        if (!(o.get("data") instanceof JsonArray) || !(o.get("pagination") instanceof JsonObject)) {
            throw new Failure(Failure.API, "the server's answer is not a {data, pagination} page", List.of());
        }
        return o;
    }
}
