package ai.opencrane.controlplane.tenant;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.kube.Objects;
import ai.opencrane.controlplane.kube.SqlProjection;

/**
 * Writes the {@code tenants} rows from Tenant resources, ordered by resourceVersion, and empties this replica's
 * {@link TenantCache} when the writing transaction ends (other replicas hear of it from the table's trigger).
 */
@ApplicationScoped
public class TenantProjection extends SqlProjection {

    public static final String NOT_FOUND = "TENANT_NOT_FOUND";

    private static final String UPSERT_TEMPLATE = """
            INSERT INTO tenants (name, display_name, email, team, policy_ref, suspended, labels, spec, phase,
                                 ingress_host, status, uid, resource_version, rv, generation, created_at, updated_at)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7::jsonb, ?8::jsonb, ?9, ?10, ?11::jsonb, ?12, ?13, ?14, ?15, ?16, clock_timestamp()
            WHERE %s
            ON CONFLICT (name) DO UPDATE SET
                display_name = EXCLUDED.display_name, email = EXCLUDED.email, team = EXCLUDED.team,
                policy_ref = EXCLUDED.policy_ref, suspended = EXCLUDED.suspended, labels = EXCLUDED.labels,
                spec = EXCLUDED.spec, phase = EXCLUDED.phase, ingress_host = EXCLUDED.ingress_host,
                status = EXCLUDED.status, uid = EXCLUDED.uid, resource_version = EXCLUDED.resource_version,
                rv = EXCLUDED.rv, generation = EXCLUDED.generation, created_at = EXCLUDED.created_at,
                updated_at = clock_timestamp()
            WHERE %s
            """;

    private static final String UPSERT = UPSERT_TEMPLATE.formatted(writable("tenants", 14),
            olderThanWritten("tenants", 17));

    @Inject
    TenantCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    protected String table() {
        return "tenants";
    }

    @Override
    public String plural() {
        return CustomResources.TENANTS;
    }

    @Override
    public String kind() {
        return "Tenant";
    }

    @Override
    public String notFoundCode() {
        return NOT_FOUND;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(JsonObject resource, boolean repair) {
        JsonObject spec = Objects.spec(resource);
        JsonObject status = Objects.status(resource);
        String rv = Objects.resourceVersion(resource);
        boolean changed = em.createNativeQuery(UPSERT)
                .setParameter(1, Objects.name(resource))
                .setParameter(2, spec.getString("displayName", ""))
                .setParameter(3, spec.getString("email", ""))
                .setParameter(4, spec.getString("team", null))
                .setParameter(5, spec.getString("policyRef", null))
                .setParameter(6, spec.getBoolean("suspended", false))
                .setParameter(7, Objects.labels(resource).toString())
                .setParameter(8, spec.toString())
                .setParameter(9, status.getString("phase", null))
                .setParameter(10, status.getString("ingressHost", null))
                .setParameter(11, status.isEmpty() ? null : status.toString())
                .setParameter(12, Objects.uid(resource))
                .setParameter(13, rv)
                .setParameter(14, Objects.rvNumber(rv))
                .setParameter(15, Objects.generation(resource))
                .setParameter(16, Objects.created(resource).atOffset(ZoneOffset.UTC))
                .setParameter(17, repair)
                .executeUpdate() > 0;
        if (changed) { // a statement that changed nothing (the watch's echo of our own write) empties nothing
            cache.invalidateAfter(transactions);
        }
        return changed;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(String name, Long resourceVersion) {
        boolean removed = super.remove(name, resourceVersion);
        if (removed) {
            cache.invalidateAfter(transactions);
        }
        return removed;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> removeVanished(Set<String> present, Long listVersion) {
        Set<String> removed = super.removeVanished(present, listVersion);
        if (!removed.isEmpty()) {
            cache.invalidateAfter(transactions);
        }
        return removed;
    }

    @Override
    public List<Row> rows(String afterName, int limit) {
        @SuppressWarnings("unchecked")
        List<Tenant> rows = em.createNativeQuery("SELECT * FROM tenants WHERE name > ?1 ORDER BY name LIMIT ?2", Tenant.class)
                .setParameter(1, afterName == null ? "" : afterName).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Row(r.asResource(), r.updatedAt)).toList();
    }
}
