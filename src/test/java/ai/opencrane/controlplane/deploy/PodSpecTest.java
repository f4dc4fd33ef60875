package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/** How the control plane's pods run: health probes, graceful shutdown, non-root with a read-only root filesystem. */
class PodSpecTest {

    /** Liberty's quiesce stage on stop lasts at most this long (server stop docs). */
    static final int LIBERTY_QUIESCE_SECONDS = 30;

    @BeforeEach
    void findHelm() {
        Helm.get();
    }

    @Test
    void probesUseTheMicroProfileHealthEndpoints() {
        V1Container c = container(Chart.defaults());
        assertHttpProbe(c.getReadinessProbe(), "/health/ready");
        assertHttpProbe(c.getLivenessProbe(), "/health/live");
        assertHttpProbe(c.getStartupProbe(), "/health/started");
        int startupBudget = c.getStartupProbe().getPeriodSeconds() * c.getStartupProbe().getFailureThreshold();
        assertTrue(startupBudget >= 300, "startup may wait for PostgreSQL and migrations: " + startupBudget + " s");
        assertTrue(c.getLivenessProbe().getPeriodSeconds() * c.getLivenessProbe().getFailureThreshold() >= 60,
                "a busy replica is not restarted over one slow answer");
    }

    @Test
    void shutdownLetsEndpointsGoThenLibertyQuiesce() {
        V1Deployment d = Chart.defaults().one(V1Deployment.class);
        V1Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("sleep", "10"), c.getLifecycle().getPreStop().getExec().getCommand());
        long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertEquals(75, grace);
        assertTrue(grace > 10 + LIBERTY_QUIESCE_SECONDS, "preStop plus the quiesce fit in the grace period");
        assertEquals("0", d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().toString());
        V1PodDisruptionBudget pdb = Chart.defaults().one(V1PodDisruptionBudget.class);
        assertEquals("1", pdb.getSpec().getMaxUnavailable().toString());
        assertEquals(d.getSpec().getSelector(), pdb.getSpec().getSelector());
    }

    @Test
    void podsRunAsNonRootWithAReadOnlyRootFilesystem() {
        for (Manifests m : List.of(Chart.defaults(), Chart.full())) {
            for (V1PodSpec pod : pods(m)) {
                assertEquals(true, pod.getSecurityContext().getRunAsNonRoot());
                assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
                for (V1Container c : pod.getContainers()) {
                    V1SecurityContext sc = c.getSecurityContext();
                    assertEquals(true, sc.getReadOnlyRootFilesystem(), c.getName());
                    assertEquals(false, sc.getAllowPrivilegeEscalation(), c.getName());
                    assertEquals(false, sc.getPrivileged(), c.getName());
                    assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), c.getName());
                }
            }
        }
    }

    @Test
    void libertyWritesOnlyToEmptyDirs() {
        V1PodSpec server = Chart.defaults().one(V1Deployment.class).getSpec().getTemplate().getSpec();
        assertEquals(Map.of("/opt/ol/wlp/output", "output", "/logs", "logs", "/tmp", "tmp"), mounts(server.getContainers().get(0)));
        server.getVolumes().forEach(v -> assertNotNull(v.getEmptyDir(), v.getName()));
        assertEquals("128Mi", server.getVolumes().stream().filter(v -> v.getName().equals("output")).findFirst()
                .orElseThrow().getEmptyDir().getSizeLimit().toSuffixedString());
        V1PodSpec job = Chart.defaults().one(V1Job.class).getSpec().getTemplate().getSpec();
        assertEquals(Map.of("/tmp", "tmp"), mounts(job.getContainers().get(0)));
        job.getVolumes().forEach(v -> assertNotNull(v.getEmptyDir(), v.getName()));
    }

    private static void assertHttpProbe(V1Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("http", probe.getHttpGet().getPort().toString());
    }

    private static Map<String, String> mounts(V1Container c) {
        return c.getVolumeMounts().stream().collect(Collectors.toMap(v -> v.getMountPath(), v -> v.getName()));
    }

    private static V1Container container(Manifests m) {
        return m.one(V1Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<V1PodSpec> pods(Manifests m) {
        List<V1PodSpec> pods = new java.util.ArrayList<>();
        m.all(V1Deployment.class, d -> true).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        m.all(V1Job.class, j -> true).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
        return pods;
    }
}
