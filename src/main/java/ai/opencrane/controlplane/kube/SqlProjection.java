package ai.opencrane.controlplane.kube;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The parts of a {@link Projection} that are the same for every projected table (keyed by {@code name},
 * with {@code uid} and numeric {@code rv} columns): ordered deletes and the sweep after a relist.
 */
public abstract class SqlProjection implements Projection {

    @PersistenceContext(unitName = "opencrane")
    protected EntityManager em;

    /** The projection table. */
    protected abstract String table();

    /**
     * The guard every upsert of a row carries: no tombstone at or after the version being written.
     * Use as {@code INSERT ... SELECT ... WHERE <guard>} with the name as {@code ?1} and the version as the
     * given parameter.
     */
    protected static String notDeletedSince(String table, int versionParameter) {
        return "NOT EXISTS (SELECT 1 FROM projection_tombstones WHERE kind = '" + table
                + "' AND name = ?1 AND rv >= ?" + versionParameter + ")";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(String name, Long resourceVersion) {
        if (resourceVersion != null) {
            em.createNativeQuery("INSERT INTO projection_tombstones (kind, name, rv) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (kind, name) DO UPDATE SET rv = GREATEST(projection_tombstones.rv, EXCLUDED.rv), "
                            + "deleted_at = clock_timestamp()")
                    .setParameter(1, table()).setParameter(2, name).setParameter(3, resourceVersion).executeUpdate();
        }
        return em.createNativeQuery("DELETE FROM " + table() + " WHERE name = ?1 AND (?2 OR rv IS NULL OR rv <= ?3)")
                .setParameter(1, name)
                .setParameter(2, resourceVersion == null)
                .setParameter(3, resourceVersion == null ? 0L : resourceVersion)
                .executeUpdate() > 0;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> removeVanished(Set<String> present, Long listVersion) {
        @SuppressWarnings("unchecked")
        List<String> projected = em.createNativeQuery(
                        "SELECT name FROM " + table() + " WHERE uid IS NOT NULL AND (rv IS NULL OR rv <= ?1)")
                .setParameter(1, listVersion == null ? Long.MAX_VALUE : listVersion).getResultList();
        Set<String> removed = new HashSet<>();
        for (String name : projected) {
            if (!present.contains(name) && remove(name, listVersion)) {
                removed.add(name);
            }
        }
        return removed;
    }
}
