package ai.opencrane.bench;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import ai.opencrane.controlplane.testkit.Api;
import ai.opencrane.controlplane.testkit.Res;

/**
 * The routes the server documents, from its public OpenAPI document, so scenarios for features still being
 * built run as soon as the route exists and report "not available" until then.
 */
final class OpenApi {

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");
    private final JsonObject paths;

    private OpenApi(JsonObject paths) {
        this.paths = paths;
    }

    static OpenApi fetch(Api api) {
        Res r = api.anonymous().get("/api/v1/openapi.json");
        if (r.status() != 200) {
            throw new IllegalStateException("GET /api/v1/openapi.json answered " + r.status());
        }
        return new OpenApi(r.json().getJsonObject("paths"));
    }

    /** Whether {@code method} on {@code path} (under /api/v1, templates compared by position) is documented. */
    boolean has(String method, String path) {
        String want = normal("/api/v1" + path);
        for (String p : paths.keySet()) {
            String key = normal(p.startsWith("/api/v1") ? p : "/api/v1" + p);
            if (key.equals(want) && paths.getJsonObject(p).containsKey(method.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    Set<String> paths() {
        return paths.keySet();
    }

    private static String normal(String path) {
        return TEMPLATE.matcher(path).replaceAll("{}");
    }
}
