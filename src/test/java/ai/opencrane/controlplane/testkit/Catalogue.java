package ai.opencrane.controlplane.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Builders and helpers for the catalogue, group and grant tests. */
public final class Catalogue {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final String DIGEST = "sha256:" + "ab".repeat(32);

    private Catalogue() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + "-" + COUNTER.incrementAndGet();
    }

    /** A sha256 digest unique to this call. */
    public static String digest() {
        String hex = String.format("%064x", new java.math.BigInteger(1, unique("d").getBytes()));
        return "sha256:" + hex.substring(hex.length() - 64);
    }

    /** The defaults with the fields of {@code extra} (a JSON object's members, without braces) replacing them. */
    static String body(String defaults, String extra) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder(read(defaults));
        if (!extra.isEmpty()) {
            read("{" + extra + "}").forEach(b::add);
        }
        return b.build().toString();
    }

    private static JsonObject read(String json) {
        try (var r = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return r.readObject();
        }
    }

    public static JsonObject source(String name) {
        Res r = ControlPlane.api().post("/api/v1/third-party-sources", """
                {"name": "%s", "type": "mcp-registry", "url": "https://registry.example.com"}""".formatted(name));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    public static JsonObject mcpServer(String name, String extra) {
        Res r = ControlPlane.api().post("/api/v1/mcp-servers", body("""
                {"name": "%s", "endpoint": "https://mcp.example.com/%s", "scope": "org", "transport": "streamable-http"}
                """.formatted(name, name), extra));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    public static JsonObject skill(String name, String extra) {
        Res r = ControlPlane.api().post("/api/v1/skills/catalog", body("""
                {"name": "%s", "version": "1.0.0", "digest": "%s", "scope": "org"}
                """.formatted(name, digest()), extra));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    public static JsonObject group(String name, String extra) {
        Res r = ControlPlane.api().post("/api/v1/groups", body("""
                {"name": "%s", "scope": "org"}""".formatted(name), extra));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    /** The offending fields of a validation envelope. */
    public static Map<String, String> fields(Res r) {
        Map<String, String> out = new TreeMap<>();
        JsonObject detail = r.json().getJsonObject("detail");
        if (detail != null && detail.containsKey("fields")) {
            detail.getJsonObject("fields").forEach((k, v) -> out.put(k, ((jakarta.json.JsonString) v).getString()));
        }
        return out;
    }

    /** Audit actions recorded for a resource, oldest first. */
    public static List<String> auditActions(String resource) {
        return ControlPlane.db().rows("SELECT action FROM audit_log WHERE resource = ? ORDER BY id", resource)
                .stream().map(row -> (String) row.get("action")).toList();
    }

    /** Every item of a collection, following nextCursor with the given page size. */
    public static List<JsonObject> pageAll(Api api, String path, int limit) {
        List<JsonObject> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String sep = path.contains("?") ? "&" : "?";
            Res r = api.get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            JsonObject p = r.json().getJsonObject("pagination");
            assertEquals(limit, p.getInt("limit"));
            for (JsonValue v : r.data()) {
                out.add(v.asJsonObject());
            }
            if (p.getBoolean("hasMore")) {
                assertEquals(limit, r.data().size());
            }
            cursor = p.getBoolean("hasMore") ? p.getString("nextCursor") : null;
            if (++pages > 10_000) {
                throw new AssertionError("too many pages");
            }
        } while (cursor != null);
        return out;
    }
}
