package ai.opencrane.controlplane.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.audit.AuditService;

/**
 * Dataset memberships: normalised (trimmed, de-duplicated, sorted; {@code org} is always {@code default}),
 * limited to the tenant's own team and name, synced to the knowledge service when one is configured
 * (before anything is stored), and stored with their audit entry in one transaction.
 */
@ApplicationScoped
public class DatasetService {

    public static final String DATASET_DENIED = "DATASET_DENIED";

    @Inject
    TenantService tenants;

    @Inject
    KnowledgeSync knowledge;

    @Inject
    AuditService audit;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    public DatasetMembership get(String name) {
        tenants.find(name);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT scope, subject FROM tenant_datasets WHERE tenant = ?1")
                .setParameter(1, name).getResultList();
        Map<String, List<String>> byScope = Map.of("team", new ArrayList<>(), "project", new ArrayList<>(),
                "personal", new ArrayList<>(), "org", new ArrayList<>());
        rows.forEach(r -> byScope.get((String) r[0]).add((String) r[1]));
        return normalise(new DatasetMembership(List.of(), byScope.get("team"), byScope.get("project"), byScope.get("personal")));
    }

    @Transactional
    public DatasetMembership replace(String name, DatasetMembership requested) {
        Tenant tenant = tenants.find(name);
        if (requested.org().stream().map(String::trim).filter(s -> !s.isEmpty()).anyMatch(s -> !s.equals("default"))) {
            throw ApiException.invalid("org", "may only contain \"default\"");
        }
        DatasetMembership m = normalise(requested);
        for (String subject : m.team()) {
            if (!subject.equals(tenant.team())) {
                throw denied("team", subject);
            }
        }
        for (String subject : m.personal()) {
            if (!subject.equals(name)) {
                throw denied("personal", subject);
            }
        }
        knowledge.sync(name, m);
        em.createNativeQuery("DELETE FROM tenant_datasets WHERE tenant = ?1").setParameter(1, name).executeUpdate();
        insert(name, "org", m.org());
        insert(name, "team", m.team());
        insert(name, "project", m.project());
        insert(name, "personal", m.personal());
        JsonObject metadata = JsonMapping.JSON.createObjectBuilder().add("membership", JsonMapping.toJson(m)).build();
        audit.record("DatasetsUpdated", "Tenant/" + name, name, "Dataset memberships of " + name + " replaced", metadata);
        return m;
    }

    private void insert(String tenant, String scope, List<String> subjects) {
        for (String s : subjects) {
            em.createNativeQuery("INSERT INTO tenant_datasets (tenant, scope, subject) VALUES (?1, ?2, ?3)")
                    .setParameter(1, tenant).setParameter(2, scope).setParameter(3, s).executeUpdate();
        }
    }

    static DatasetMembership normalise(DatasetMembership m) {
        return new DatasetMembership(List.of("default"), clean(m.team()), clean(m.project()), clean(m.personal()));
    }

    private static List<String> clean(List<String> values) {
        TreeSet<String> out = new TreeSet<>();
        values.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }

    private static ApiException denied(String scope, String subject) {
        return new ApiException(403, DATASET_DENIED,
                "dataset access denied for scope '" + scope + "' and subject '" + subject + "'");
    }
}
