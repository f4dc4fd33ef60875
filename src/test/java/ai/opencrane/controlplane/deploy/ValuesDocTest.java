package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * chart/README.md names every value of chart/values.yaml (as `a.b.c`), so the table cannot fall behind. Kubernetes
 * objects the chart passes through whole (resources, security contexts) are documented as one value.
 */
class ValuesDocTest {

    static final Set<String> PASSED_THROUGH = Set.of("resources", "migrations.resources", "podSecurityContext",
            "securityContext");

    @Test
    void readmeListsEveryValue() throws IOException {
        Map<String, Object> values = new Yaml().load(Files.readString(Path.of("chart/values.yaml")));
        String readme = Files.readString(Path.of("chart/README.md"));
        List<String> missing = new ArrayList<>();
        for (String path : leaves("", values)) {
            if (!readme.contains("`" + path + "`")) {
                missing.add(path);
            }
        }
        assertEquals(List.of(), missing, "values missing from chart/README.md");
    }

    @SuppressWarnings("unchecked")
    private static List<String> leaves(String prefix, Map<String, Object> map) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty() && !PASSED_THROUGH.contains(path)) {
                out.addAll(leaves(path, (Map<String, Object>) child));
            } else {
                out.add(path);
            }
        }
        return out;
    }
}
