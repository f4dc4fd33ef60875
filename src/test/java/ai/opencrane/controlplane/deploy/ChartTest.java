package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Secret;

/**
 * The Helm chart: renders with the default values (plus the one required value) and with every value set,
 * passes {@code helm lint --strict}, every manifest fits the Kubernetes API schemas, and configurations that would
 * install an open or half-configured control plane do not render. {@link RbacTest} and {@link PodSpecTest} check
 * what the rendered objects grant and how the pod runs.
 */
class ChartTest {

    private Helm helm;

    @BeforeEach
    void findHelm() {
        helm = Helm.get();
    }

    @Test
    void defaultValuesRenderTheControlPlaneAndItsMigrationJob() {
        Manifests m = Chart.defaults();
        assertEquals(List.of("ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "CustomResourceDefinition",
                "Deployment", "Job", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount"),
                m.kinds());
        V1Deployment d = m.one(V1Deployment.class, "opencrane");
        assertEquals(2, d.getSpec().getReplicas());
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
        assertEquals("0", d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().toString());
        V1Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("ghcr.io/opencrane/control-plane:0.1.0", c.getImage());
        assertEquals(9080, c.getPorts().get(0).getContainerPort());
        Map<String, String> env = Chart.env(c);
        assertEquals("false", env.get("OPENCRANE_DB_MIGRATE_ON_START"), "the Job migrates");
        assertEquals(Helm.NAMESPACE, env.get("OPENCRANE_NAMESPACE"));
        assertEquals("json", env.get("WLP_LOGGING_CONSOLE_FORMAT"));
        assertEquals("json", env.get("OPENCRANE_LOG_FORMAT"));
        assertEquals("secret:opencrane-api-token/token", env.get("OPENCRANE_API_TOKEN"));
        assertEquals(Chart.TOKEN, new String(m.one(V1Secret.class, "opencrane-api-token").getData().get("token"),
                StandardCharsets.UTF_8));
        assertEquals(List.of("opencrane.io"), m.all(V1CustomResourceDefinition.class,
                crd -> true).stream().map(crd -> crd.getSpec().getGroup()).distinct().toList());
        var anti = d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getPodAffinityTerm();
        assertEquals("kubernetes.io/hostname", anti.getTopologyKey());
        assertEquals(d.getSpec().getSelector().getMatchLabels(), anti.getLabelSelector().getMatchLabels());
    }

    @Test
    void migrationJobIsAPreInstallAndPreUpgradeHookRunningTheMigrateCommand() {
        V1Job job = Chart.defaults().one(V1Job.class, "opencrane-migrate");
        assertEquals("pre-install,pre-upgrade", job.getMetadata().getAnnotations().get("helm.sh/hook"));
        assertEquals("before-hook-creation,hook-succeeded",
                job.getMetadata().getAnnotations().get("helm.sh/hook-delete-policy"));
        V1PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        assertEquals(false, pod.getAutomountServiceAccountToken());
        assertNull(pod.getServiceAccountName(), "hooks run before the chart's ServiceAccount exists");
        V1Container c = pod.getContainers().get(0);
        assertEquals(List.of("/opt/opencrane/bin/opencrane-migrate"), c.getCommand());
        assertEquals(Map.of("OPENCRANE_DB_HOST", "opencrane-db-rw", "OPENCRANE_DB_PORT", "5432",
                "OPENCRANE_DB_NAME", "opencrane", "OPENCRANE_DB_USER", "secret:opencrane-db-app/username",
                "OPENCRANE_DB_PASSWORD", "secret:opencrane-db-app/password"), Chart.env(c));
    }

    @Test
    void everyValueSetRendersValidManifests() {
        Manifests m = Chart.full();
        assertEquals(List.of("ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "CustomResourceDefinition",
                "Deployment", "Ingress", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount",
                "ServiceMonitor"), m.kinds());
        V1Deployment d = m.one(V1Deployment.class, "crane-cp");
        assertEquals(3, d.getSpec().getReplicas());
        V1Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("registry.example.com/opencrane/control-plane:1.2.3", c.getImage());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("OPENCRANE_HTTP_PORT", "9081");
        expected.put("OPENCRANE_NAMESPACE", "tenants");
        expected.put("OPENCRANE_DB_HOST", "pg-rw.databases.svc");
        expected.put("OPENCRANE_DB_PORT", "6432");
        expected.put("OPENCRANE_DB_NAME", "crane");
        expected.put("OPENCRANE_DB_USER", "secret:crane-db/user");
        expected.put("OPENCRANE_DB_PASSWORD", "secret:crane-db/pass");
        expected.put("OPENCRANE_DB_MIGRATE_ON_START", "true");
        expected.put("OPENCRANE_API_TOKEN", "secret:opencrane-api/bearer");
        expected.put("OPENCRANE_RECONCILE_INTERVAL_SECONDS", "30");
        expected.put("OPENCRANE_PROJECTION_DRIFT_ALERT_THRESHOLD", "5");
        expected.put("OPENCRANE_DRIFT_WEBHOOK_URL", "https://hooks.example.com/drift");
        expected.put("OPENCRANE_SERVICE_ACCOUNT_AUDIENCE", "opencrane-api");
        expected.put("OPENCRANE_SERVICE_ACCOUNT_SUBJECTS", "system:serviceaccount:automation:ci,system:serviceaccount:ops:*");
        expected.put("OPENCRANE_OIDC_ISSUER", "https://id.example.com/realms/crane");
        expected.put("OPENCRANE_OIDC_CLIENT_ID", "crane");
        expected.put("OPENCRANE_OIDC_CLIENT_SECRET", "secret:crane-oidc/secret");
        expected.put("OPENCRANE_PUBLIC_URL", "https://crane.example.com");
        expected.put("OPENCRANE_OIDC_AUTHORIZATION_ENDPOINT", "https://id.example.com/realms/crane/protocol/openid-connect/auth");
        expected.put("OPENCRANE_OIDC_TOKEN_ENDPOINT", "https://id.example.com/realms/crane/protocol/openid-connect/token");
        expected.put("OPENCRANE_OIDC_JWKS_URI", "https://id.example.com/realms/crane/protocol/openid-connect/certs");
        expected.put("OPENCRANE_OIDC_END_SESSION_ENDPOINT", "https://id.example.com/realms/crane/protocol/openid-connect/logout");
        expected.put("OPENCRANE_OIDC_AUDIENCE", "crane-api");
        expected.put("OPENCRANE_OIDC_ALLOWED_EMAILS", "ada@example.com,alan@example.com");
        expected.put("OPENCRANE_OIDC_ALLOWED_EMAIL_DOMAINS", "example.com,example.org");
        expected.put("OPENCRANE_PROVIDER_KEYS_ENCRYPTION_KEYS", "secret:crane-keys/aes");
        expected.put("LITELLM_ENDPOINT", "http://litellm.ai.svc:4000");
        expected.put("LITELLM_MASTER_KEY", "secret:litellm/master");
        expected.put("OPENCRANE_LITELLM_TIMEOUT_MS", "8000");
        expected.put("OPENCRANE_LITELLM_DEFAULT_MONTHLY_BUDGET_USD", "25");
        expected.put("OPENCRANE_LITELLM_BUDGET_DURATION", "30d");
        expected.put("OPENCRANE_LITELLM_SYNC_INTERVAL_SECONDS", "120");
        expected.put("OPENCRANE_LITELLM_USAGE_LOOKBACK_DAYS", "7");
        expected.put("OPENCRANE_BUDGET_WARNING_THRESHOLD", "0.9");
        expected.put("OPENCRANE_MCP_GATEWAY_URL", "http://obot.ai.svc:8080");
        expected.put("OPENCRANE_SKILL_REGISTRY_URL", "http://skills.ai.svc:5000");
        expected.put("WLP_LOGGING_CONSOLE_FORMAT", "simple");
        expected.put("OPENCRANE_LOG_FORMAT", "simple");
        expected.put("OPENCRANE_MAX_BODY_BYTES", "2097152");
        assertEquals(expected, Chart.env(c));

        V1Ingress ingress = m.one(V1Ingress.class);
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals("crane.example.com", ingress.getSpec().getRules().get(0).getHost());
        assertEquals("crane-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals("crane-cp", ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend()
                .getService().getName());
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceMonitorScrapesProm() {
        Map<String, Object> monitor = Chart.full().serviceMonitors.get(0);
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), List.copyOf(monitor.keySet()));
        Map<String, Object> spec = (Map<String, Object>) monitor.get("spec");
        assertEquals(List.of("selector", "namespaceSelector", "endpoints"), List.copyOf(spec.keySet()));
        assertEquals(Map.of("port", "http", "path", "/prom", "interval", "15s", "scrapeTimeout", "5s"),
                ((List<Object>) spec.get("endpoints")).get(0));
        assertEquals("prometheus", ((Map<String, Map<String, Object>>) monitor.get("metadata")).get("labels").get("release"));
    }

    @Test
    void helmLintPassesStrictly() {
        Helm.Result defaults = helm.lint("--set", "apiToken.value=" + Chart.TOKEN);
        assertTrue(defaults.ok(), defaults.output());
        Helm.Result full = helm.lint("-f", Chart.FULL_VALUES);
        assertTrue(full.ok(), full.output());
    }

    @Test
    void renderingWithoutAnApiTokenFailsWithAClearMessage() {
        Helm.Result r = helm.templateFailing();
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("apiToken is required: set apiToken.existingSecret")
                && r.stderr().contains("never installed without an API credential"), r.stderr());
        // helm lint deliberately treats `fail` as a warning (charts with required values stay lintable); install and
        // template both stop

        Helm.Result both = helm.templateFailing("--set", "apiToken.value=x", "--set", "apiToken.existingSecret=y");
        assertTrue(both.stderr().contains("set either apiToken.existingSecret or apiToken.value, not both"), both.stderr());
    }

    @Test
    void halfConfiguredDependenciesFailToRender() {
        assertTrue(helm.templateFailing("--set", "apiToken.value=x", "--set", "oidc.enabled=true",
                "--set", "oidc.issuer=https://id.example.com").stderr()
                .contains("oidc.enabled needs oidc.issuer, oidc.clientId and oidc.redirectBase"));
        assertTrue(helm.templateFailing("--set", "apiToken.value=x", "--set", "oidc.enabled=true",
                "--set", "oidc.issuer=https://id.example.com", "--set", "oidc.clientId=crane",
                "--set", "oidc.redirectBase=https://crane.example.com").stderr()
                .contains("oidc.enabled needs oidc.authorizationEndpoint, oidc.tokenEndpoint and oidc.jwksUri"));
        assertTrue(helm.templateFailing("--set", "apiToken.value=x", "--set", "litellm.endpoint=http://litellm:4000")
                .stderr().contains("litellm.endpoint needs litellm.masterKey.existingSecret"));
        assertTrue(helm.templateFailing("--set", "apiToken.value=x", "--set", "ingress.enabled=true")
                .stderr().contains("ingress.enabled needs ingress.host"));
    }

    @Test
    void credentialsReachThePodOnlyThroughSecretReferences() {
        for (Manifests m : List.of(Chart.defaults(), Chart.full())) {
            for (V1Container c : Chart.containers(m)) {
                for (V1EnvVar e : c.getEnv()) {
                    if (e.getName().matches(".*(TOKEN|PASSWORD|SECRET|_KEY)$")) {
                        assertNull(e.getValue(), e.getName() + " must come from a Secret");
                        assertTrue(e.getValueFrom().getSecretKeyRef() != null, e.getName());
                    }
                }
            }
        }
    }

    @Test
    void schemaCheckRejectsUnknownFields() {
        String typo = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicaz: 2\n";
        assertThrows(AssertionError.class, () -> Manifests.load(typo));
    }
}
