package ai.opencrane.controlplane.kube;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The parts of a {@link Projection} that are the same for every projected table (keyed by {@code name},
 * with {@code uid} and numeric {@code rv} columns): the guards of an upsert, ordered deletes and the sweep after
 * a relist. Each write of a row but the sweep's holds the name's write lock (db/V8) until its transaction ends.
 */
public abstract class SqlProjection implements Projection {

    @PersistenceContext(unitName = "opencrane")
    protected EntityManager em;

    /** The projection table. */
    protected abstract String table();

    /**
     * The guard every upsert of a row carries: takes the name's write lock (db/V8), then checks that no tombstone
     * is at or after the version being written. Use as {@code INSERT ... SELECT ... WHERE <guard>} with the name
     * as {@code ?1} and the version as the given parameter.
     */
    protected static String writable(String table, int versionParameter) {
        return "projection_writable('" + table + "', ?1, ?" + versionParameter + ")";
    }

    /**
     * The guard of an upsert's update: the stored row is older than the version being written, or (when the
     * given parameter, repair, is true) at the same version. Use as {@code ON CONFLICT (name) DO UPDATE ...
     * WHERE <guard>}.
     */
    protected static String olderThanWritten(String table, int repairParameter) {
        return table + ".rv IS NULL OR EXCLUDED.rv IS NULL OR " + table + ".rv < EXCLUDED.rv OR (?"
                + repairParameter + " AND " + table + ".rv = EXCLUDED.rv)";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(String name, Long resourceVersion) {
        em.createNativeQuery("SELECT 1 FROM projection_lock(?1, ?2)").setParameter(1, table()).setParameter(2, name)
                .getSingleResult();
        return delete(name, resourceVersion);
    }

    /**
     * Takes no locks (a transaction can hold only so many, and a sweep may remove thousands of rows): the rows it
     * removes are at or before the list's version, and the API and the watch write later ones, which its delete
     * leaves and its tombstone allows.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> removeVanished(Set<String> present, Long listVersion) {
        @SuppressWarnings("unchecked")
        List<String> projected = em.createNativeQuery(
                        "SELECT name FROM " + table() + " WHERE uid IS NOT NULL AND (rv IS NULL OR rv <= ?1)")
                .setParameter(1, listVersion == null ? Long.MAX_VALUE : listVersion).getResultList();
        Set<String> removed = new HashSet<>();
        for (String name : projected) {
            if (!present.contains(name) && delete(name, listVersion)) {
                removed.add(name);
            }
        }
        return removed;
    }

    private boolean delete(String name, Long resourceVersion) {
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
}
