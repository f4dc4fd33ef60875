package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;

/**
 * A rendered chart, every manifest loaded into the official Kubernetes client's typed models
 * ({@link Yaml#load} rejects unknown fields and wrong types, so loading is the schema check). The Prometheus
 * Operator's ServiceMonitor has no model there; it stays a map for {@link ChartTest} to check by hand.
 */
final class Manifests {

    static final String SERVICE_MONITOR_API = "monitoring.coreos.com/v1";

    final List<KubernetesObject> objects = new ArrayList<>();
    final List<Map<String, Object>> serviceMonitors = new ArrayList<>();

    @SuppressWarnings("unchecked")
    static Manifests load(String rendered) {
        Manifests m = new Manifests();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            Map<String, Object> raw = new org.yaml.snakeyaml.Yaml().load(doc);
            if (raw == null) {
                continue;
            }
            if (SERVICE_MONITOR_API.equals(raw.get("apiVersion"))) {
                m.serviceMonitors.add(raw);
                continue;
            }
            Object typed;
            try {
                typed = Yaml.load(doc);
            } catch (Exception e) {
                throw new AssertionError("manifest does not fit the Kubernetes API schema: " + e.getMessage()
                        + "\n" + doc, e);
            }
            assertNotNull(typed, doc);
            m.objects.add((KubernetesObject) typed);
        }
        return m;
    }

    /** The one object of that type (and name, when given). */
    <T extends KubernetesObject> T one(Class<T> type, String name) {
        List<T> found = all(type, o -> name == null || name.equals(o.getMetadata().getName()));
        assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " " + name + ", found " + kinds());
        return found.get(0);
    }

    <T extends KubernetesObject> T one(Class<T> type) {
        return one(type, null);
    }

    <T extends KubernetesObject> List<T> all(Class<T> type, Predicate<T> filter) {
        return objects.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    List<String> kinds() {
        List<String> kinds = new ArrayList<>(objects.stream().map(KubernetesObject::getKind).toList());
        serviceMonitors.forEach(s -> kinds.add((String) s.get("kind")));
        return kinds.stream().sorted().toList();
    }
}
