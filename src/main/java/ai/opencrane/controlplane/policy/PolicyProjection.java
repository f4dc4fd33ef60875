package ai.opencrane.controlplane.policy;

import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.kube.Objects;
import ai.opencrane.controlplane.kube.SqlProjection;

/** Writes the {@code access_policies} rows from AccessPolicy resources, ordered by resourceVersion. */
@ApplicationScoped
public class PolicyProjection extends SqlProjection {

    public static final String NOT_FOUND = "POLICY_NOT_FOUND";

    private static final String UPSERT_TEMPLATE = """
            INSERT INTO access_policies (name, description, spec, status, uid, resource_version, rv, generation,
                                         created_at, updated_at)
            SELECT ?1, ?2, ?3::jsonb, ?4::jsonb, ?5, ?6, ?7, ?8, ?9, clock_timestamp()
            WHERE %s
            ON CONFLICT (name) DO UPDATE SET
                description = EXCLUDED.description, spec = EXCLUDED.spec, status = EXCLUDED.status,
                uid = EXCLUDED.uid, resource_version = EXCLUDED.resource_version, rv = EXCLUDED.rv,
                generation = EXCLUDED.generation, created_at = EXCLUDED.created_at, updated_at = clock_timestamp()
            WHERE %s
            """;

    private static final String UPSERT = UPSERT_TEMPLATE.formatted(writable("access_policies", 7),
            olderThanWritten("access_policies", 10));

    @Override
    protected String table() {
        return "access_policies";
    }

    @Override
    public String plural() {
        return CustomResources.ACCESS_POLICIES;
    }

    @Override
    public String kind() {
        return "AccessPolicy";
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
        return em.createNativeQuery(UPSERT)
                .setParameter(1, Objects.name(resource))
                .setParameter(2, spec.getString("description", null))
                .setParameter(3, spec.toString())
                .setParameter(4, status.isEmpty() ? null : status.toString())
                .setParameter(5, Objects.uid(resource))
                .setParameter(6, rv)
                .setParameter(7, Objects.rvNumber(rv))
                .setParameter(8, Objects.generation(resource))
                .setParameter(9, Objects.created(resource).atOffset(ZoneOffset.UTC))
                .setParameter(10, repair)
                .executeUpdate() > 0;
    }

    @Override
    public List<Row> rows(String afterName, int limit) {
        @SuppressWarnings("unchecked")
        List<AccessPolicy> rows = em.createNativeQuery("SELECT * FROM access_policies WHERE name > ?1 ORDER BY name LIMIT ?2", AccessPolicy.class)
                .setParameter(1, afterName == null ? "" : afterName).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Row(r.asResource(), r.updatedAt)).toList();
    }
}
