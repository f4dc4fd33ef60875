package ai.opencrane.controlplane.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.ControlPlane;
import ai.opencrane.controlplane.testkit.Db;
import ai.opencrane.controlplane.testkit.Res;

/**
 * Hostile input on every route of the OpenAPI document: odd path ids, broken and oversized bodies, wrong
 * types, unknown fields, bad query parameters. Every answer must be a 4xx in the envelope (never a 5xx), and
 * nothing may change: no audit entry by the caller (every mutation writes one) and no table changes.
 */
class HostileInputIT {

    private static final List<String> IDS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "x'%20OR%20'1'%3D'1", "x%3BDROP%20TABLE%20tenants",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a".repeat(3000), "%C3%A9t%C3%A9", "%F0%9F%98%80", "%E2%80%AE",
            "UPPER", "-leading", "trailing-", "drift", "repair", "null", "0", "-1", "%20", "%09tab", "a.b", "a~b");
    private static final List<String> BODIES = List.of(
            "", "{", "}", "[]", "null", "true", "42", "\"string\"", "{\"a\":", "{\"a\" 1}", "{'single':'quotes'}",
            "{\"name\":\"x\"}garbage", "{\"__proto__\":{\"admin\":true}}", "{\"unknownField\":1}",
            "{\"name\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            "{\"name\":\"" + "x".repeat(200_000) + "\"}",
            "{\"tags\":[" + "\"t\",".repeat(60_000) + "\"t\"]}",
            "{\"name\":\"\\u0000\"}", "{\"name\":1e309}", "{\"name\":-0}", "{\"a\":1,\"a\":2}");
    private static final List<String> QUERIES = List.of(
            "limit=0", "limit=-5", "limit=abc", "limit=1001", "limit=99999999999999999999", "cursor=%00",
            "cursor=eyJhIjoxfQ", "cursor=" + "A".repeat(5000), "cursor=W10", "dryRun=maybe", "prune=yes",
            "tenant=%27%3B--", "from=yesterday", "to=2026-13-45", "scope=everything", "status=%3Cx%3E");
    private static final Set<String> MUTATING = Set.of("post", "put", "delete", "patch");

    private final Api api = ControlPlane.api();
    private final Db db = ControlPlane.db();
    private int tried;
    private int containerRefusals;

    @Test
    void everyRouteRefusesHostileInputWithA4xxEnvelopeAndChangesNothing() {
        Map<String, String> before = snapshot();
        long auditBefore = callerAudit();
        JsonObject paths = api.anonymous().get("/api/v1/openapi.json").json().getJsonObject("paths");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                String method = op.getKey();
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method) || path.getKey().contains("/auth/")) {
                    continue;
                }
                String template = path.getKey();
                if (template.contains("{")) {
                    for (String id : IDS) {
                        check(failures, method, template.replaceAll("\\{[^}]+}", id), "{}".getBytes(), "application/json");
                    }
                }
                String url = template.replaceAll("\\{[^}]+}", "hostile-probe");
                for (String q : QUERIES) {
                    check(failures, method, url + "?" + q, null, null);
                }
                if (MUTATING.contains(method) && !method.equals("delete")) {
                    for (String body : BODIES) {
                        check(failures, method, url, body.getBytes(StandardCharsets.UTF_8), "application/json");
                    }
                    check(failures, method, url, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'}, "application/json");
                    check(failures, method, url, "name=x".getBytes(), "application/x-www-form-urlencoded");
                    check(failures, method, url, "<a/>".getBytes(), "application/xml");
                    check(failures, method, url, "{}".getBytes(), "text/plain");
                    check(failures, method, url, new byte[3 * 1024 * 1024], "application/json");
                    for (String wrong : wrongTypes(op.getValue().asJsonObject())) {
                        check(failures, method, url, wrong.getBytes(StandardCharsets.UTF_8), "application/json");
                    }
                }
            }
        }
        System.out.println("hostile input: " + tried + " requests tried over " + paths.size() + " paths; "
                + containerRefusals + " refused by the web container before the application");
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g. " + failures.subList(0, Math.min(10, failures.size())));
        assertTrue(tried > 500, "tried " + tried);
        assertEquals(auditBefore, callerAudit(), "no audit entry: nothing was changed");
        assertEquals(before, snapshot(), "no table changed");
    }

    private void check(List<String> failures, String method, String url, byte[] body, String contentType) {
        Api.Call call = api.request(method.toUpperCase(), url);
        if (body != null) {
            call.body(contentType, body);
        }
        Res r = call.send();
        tried++;
        String where = method.toUpperCase() + " " + (url.length() > 120 ? url.substring(0, 120) + "…" : url);
        if (r.status() >= 500 || r.status() < 400) {
            // a 2xx is fine only for reads (unknown query parameters are ignored) and for repair dry runs
            boolean harmless = method.equals("get") || url.contains("/repair") && !url.contains("dryRun=false");
            if (!(r.status() < 300 && harmless)) {
                failures.add(where + " -> " + r.status() + " " + abbreviate(r.body()));
            }
            return;
        }
        if (r.status() == 400 && r.body().contains("CWWWC0005I")) {
            // the web container refuses paths it cannot decode before the application sees them (see README)
            containerRefusals++;
            return;
        }
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            failures.add(where + " -> " + r.status() + " not JSON: " + type);
            return;
        }
        JsonObject envelope = r.json();
        if (!envelope.containsKey("error") || !envelope.containsKey("code")) {
            failures.add(where + " -> " + r.status() + " not an envelope: " + abbreviate(r.body()));
        }
        assertFalse(r.body().contains("Exception") || r.body().contains("SQL"), where + " leaked internals: " + r.body());
    }

    /** For each property of the request schema, a body with a value of the wrong type. */
    private List<String> wrongTypes(JsonObject operation) {
        List<String> out = new ArrayList<>();
        JsonObject schema = requestSchema(operation);
        if (schema == null || !schema.containsKey("properties")) {
            return out;
        }
        for (Map.Entry<String, JsonValue> p : schema.getJsonObject("properties").entrySet()) {
            String type = p.getValue().asJsonObject().getString("type", "object");
            String wrong = switch (type) {
                case "string" -> "12345";
                case "integer", "number" -> "\"not a number\"";
                case "boolean" -> "\"yes\"";
                case "array" -> "{\"not\":\"an array\"}";
                default -> "[1,2,3]";
            };
            out.add("{\"" + p.getKey() + "\":" + wrong + "}");
        }
        return out;
    }

    private JsonObject requestSchema(JsonObject operation) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null) {
            return null;
        }
        JsonObject content = body.getJsonObject("content");
        JsonObject media = content.containsKey("application/json") ? content.getJsonObject("application/json")
                : content.values().stream().findFirst().map(JsonValue::asJsonObject).orElse(null);
        if (media == null || !media.containsKey("schema")) {
            return null;
        }
        JsonObject schema = media.getJsonObject("schema");
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return api.anonymous().get("/api/v1/openapi.json").json().getJsonObject("components")
                    .getJsonObject("schemas").getJsonObject(name);
        }
        return schema;
    }

    private long callerAudit() {
        return db.count("SELECT count(*) FROM audit_log WHERE actor NOT LIKE 'system%'");
    }

    /** Tables compared by their keys only: background work rewrites their rows (the watch, usage times). */
    private static final Map<String, String> IDENTITY_ONLY = Map.of("tenants", "name", "access_policies", "name",
            "access_tokens", "id");

    /**
     * Each table's rows as a digest, {@link #IDENTITY_ONLY} tables by key;
     * tables only background work writes (the leader issuing LiteLLM keys, syncing usage) are left out.
     */
    private Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> t : db.rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename NOT IN ('audit_log', 'flyway_schema_history', 'projection_tombstones', "
                + "'kube_compensations', 'drift_alert_state', 'tenant_litellm_keys', 'token_usage') ORDER BY tablename")) {
            String table = (String) t.get("tablename");
            String key = IDENTITY_ONLY.get(table);
            String digest = key != null
                    ? "SELECT md5(coalesce(string_agg(" + key + ", ',' ORDER BY " + key + "), '')) FROM " + table
                    : "SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM " + table + " x";
            out.put(table, String.valueOf(db.rows(digest).get(0).values().iterator().next()));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
