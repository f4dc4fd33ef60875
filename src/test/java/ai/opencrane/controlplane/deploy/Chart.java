package ai.opencrane.controlplane.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Job;

/** The two renderings the chart tests look at, and small views of them. */
final class Chart {

    static final String TOKEN = "test-token-0123456789";
    /** Every value set to something other than its default. */
    static final String FULL_VALUES = "src/test/resources/chart/full-values.yaml";

    private Chart() {
    }

    /** The default values plus the one required value. */
    static Manifests defaults() {
        return Manifests.load(Helm.get().template("--set", "apiToken.value=" + TOKEN).stdout());
    }

    static Manifests full() {
        return Manifests.load(Helm.get().template("-f", FULL_VALUES).stdout());
    }

    /** Env as name to value, or "secret:name/key" for a Secret reference. */
    static Map<String, String> env(V1Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (V1EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValueFrom() == null ? e.getValue()
                    : "secret:" + e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey());
        }
        return env;
    }

    static List<V1Container> containers(Manifests m) {
        List<V1Container> all = new ArrayList<>();
        m.all(V1Deployment.class, d -> true).forEach(d -> all.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
        m.all(V1Job.class, j -> true).forEach(j -> all.addAll(j.getSpec().getTemplate().getSpec().getContainers()));
        return all;
    }
}
