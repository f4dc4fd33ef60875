package ai.opencrane.controlplane.kube;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * The resource versions this replica has just written to Kubernetes and projected in the same call, so its
 * watch can skip their echo: applying an event at the version the row already has changes nothing and would
 * cost a transaction per write. Bounded: echoes that never come (no watch runs here) are forgotten.
 */
@ApplicationScoped
public class Echoes {

    private static final int MAX = 10_000;
    private final Map<String, String> projected = new ConcurrentHashMap<>();

    /** Records that {@code resource}, as Kubernetes answered the write, is in the projection. */
    void projected(String plural, JsonObject resource) {
        if (projected.size() >= MAX) {
            projected.clear();
        }
        String version = Objects.resourceVersion(resource);
        if (version != null) {
            projected.put(key(plural, Objects.name(resource)), version);
        }
    }

    /** True, once, when a watch event carries a version this replica projected itself. */
    boolean isEcho(String plural, JsonObject resource) {
        String version = Objects.resourceVersion(resource);
        return version != null && projected.remove(key(plural, Objects.name(resource)), version);
    }

    private static String key(String plural, String name) {
        return plural + '/' + name;
    }
}
