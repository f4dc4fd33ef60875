package ai.opencrane.controlplane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.RbacV1Subject;

/**
 * The control plane's ServiceAccount may do exactly this: its custom resources and their status, the tenants'
 * LiteLLM key Secrets, in the watched namespace; and TokenReviews, which are cluster-scoped. No update (merge
 * patch only), no Leases (a PostgreSQL advisory lock elects the leader), no wildcards.
 */
class RbacTest {

    static final List<V1PolicyRule> NAMESPACED = List.of(
            rule("opencrane.io", List.of("tenants", "accesspolicies"), "get", "list", "watch", "create", "patch", "delete"),
            rule("opencrane.io", List.of("tenants/status", "accesspolicies/status"), "get", "patch"),
            rule("", List.of("secrets"), "get", "create", "patch", "delete"));
    static final List<V1PolicyRule> CLUSTER = List.of(
            rule("authentication.k8s.io", List.of("tokenreviews"), "create"));

    @BeforeEach
    void findHelm() {
        Helm.get();
    }

    @Test
    void roleInTheReleaseNamespaceGrantsExactlyTheListedRules() {
        Manifests m = Chart.defaults();
        V1Role role = m.one(V1Role.class);
        assertEquals(Helm.NAMESPACE, role.getMetadata().getNamespace());
        assertEquals(NAMESPACED, role.getRules());
        assertEquals(CLUSTER, m.one(V1ClusterRole.class).getRules());
        assertBound(m, "opencrane", Helm.NAMESPACE, Helm.NAMESPACE);
    }

    @Test
    void watchingAnotherNamespaceMovesTheRoleThere() {
        Manifests m = Chart.full();
        V1Role role = m.one(V1Role.class);
        assertEquals("tenants", role.getMetadata().getNamespace());
        assertEquals(NAMESPACED, role.getRules());
        assertEquals(CLUSTER, m.one(V1ClusterRole.class).getRules());
        assertBound(m, "crane-sa", "tenants", Helm.NAMESPACE);
    }

    @Test
    void nothingBeyondTheListIsGrantedAnywhere() {
        for (Manifests m : List.of(Chart.defaults(), Chart.full())) {
            assertEquals(1, m.all(V1Role.class, r -> true).size());
            assertEquals(1, m.all(V1ClusterRole.class, r -> true).size());
            List<V1PolicyRule> every = new java.util.ArrayList<>(m.one(V1Role.class).getRules());
            every.addAll(m.one(V1ClusterRole.class).getRules());
            for (V1PolicyRule r : every) {
                assertTrue(!r.getVerbs().contains("*") && !r.getResources().contains("*") && !r.getApiGroups().contains("*"), r::toString);
                assertTrue(!r.getVerbs().contains("update") && !r.getResources().contains("leases"), r::toString);
                assertTrue(r.getResourceNames() == null || r.getResourceNames().isEmpty(),
                        "no rule narrows by name: the Secret names are per tenant");
            }
        }
    }

    private static void assertBound(Manifests m, String serviceAccount, String roleNamespace, String saNamespace) {
        RbacV1Subject subject = new RbacV1Subject().kind("ServiceAccount").name(serviceAccount).namespace(saNamespace);
        V1RoleBinding binding = m.one(V1RoleBinding.class);
        assertEquals(roleNamespace, binding.getMetadata().getNamespace());
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals(m.one(V1Role.class).getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals(List.of(subject), binding.getSubjects());
        V1ClusterRoleBinding cluster = m.one(V1ClusterRoleBinding.class);
        assertEquals(m.one(V1ClusterRole.class).getMetadata().getName(), cluster.getRoleRef().getName());
        assertEquals(List.of(subject), cluster.getSubjects());
    }

    private static V1PolicyRule rule(String group, List<String> resources, String... verbs) {
        return new V1PolicyRule().apiGroups(List.of(group)).resources(resources).verbs(List.of(verbs));
    }
}
