package ai.opencrane.controlplane.kube;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.platform.Tx;

/**
 * Undoes the Kubernetes half of a write whose PostgreSQL half failed, so a failed call leaves nothing
 * behind. What cannot be undone at once (the API server unreachable) is recorded in
 * {@code kube_compensations} and retried by the reconciler; a resource is only deleted while it still
 * carries the create token of the failed call, so a later successful create of the same name is never touched.
 */
@ApplicationScoped
public class Compensations {

    private static final Logger LOG = Logger.getLogger(Compensations.class.getName());

    @Inject
    CustomResources kube;

    @Inject
    Tx tx;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /**
     * After a create whose outcome is unknown: delete the resource if the call did create it. The API
     * server may still be processing the create, so the intent is also recorded for the reconciler.
     */
    void afterFailedCreate(Projection p, String name, String token) {
        remember(p, name, token);
        try {
            kube.get(p.plural(), name).ifPresent(r -> deleteIfMarked(p, r, token));
        } catch (KubeException e) {
            LOG.fine(() -> "cleanup of " + name + " deferred to the reconciler (HTTP " + e.status() + ")");
        }
    }

    /** After the create succeeded but PostgreSQL failed: delete exactly the version that was created. */
    void undoCreate(Projection p, JsonObject created, String token) {
        try {
            kube.delete(p.plural(), Objects.name(created), Objects.resourceVersion(created));
        } catch (KubeException e) {
            if (!e.notFound()) {
                remember(p, Objects.name(created), token);
            }
        }
    }

    /** After a patch succeeded but PostgreSQL failed: patch back, unless someone changed it since. */
    void undoUpdate(Projection p, JsonObject before, JsonObject after) {
        JsonObject patch = ProjectedWrites.atVersion(
                MergePatch.diff(ProjectedWrites.editable(after), ProjectedWrites.editable(before)),
                Objects.resourceVersion(after));
        try {
            kube.mergePatch(p.plural(), Objects.name(after), patch);
        } catch (KubeException e) {
            LOG.warning(() -> "could not undo the change of " + p.kind() + " " + Objects.name(after)
                    + " after a database failure (HTTP " + e.status() + "); the watch will project it");
        }
    }

    /**
     * Retries recorded compensations: a resource still carrying the failed call's token is deleted; an
     * intent is dropped once that is done, or once it is old enough that the failed create can no longer land.
     * Returns how many were settled.
     */
    public int retryPending(List<Projection> projections) {
        @SuppressWarnings("unchecked")
        List<Object[]> pending = em.createNativeQuery("SELECT kind, name, marker, "
                + "created_at < clock_timestamp() - interval '10 minutes' FROM kube_compensations").getResultList();
        int settled = 0;
        for (Object[] row : pending) {
            Projection p = projections.stream().filter(x -> x.plural().equals(row[0])).findFirst().orElse(null);
            if (p == null) {
                continue;
            }
            try {
                boolean deleted = kube.get(p.plural(), (String) row[1])
                        .map(r -> deleteIfMarked(p, r, (String) row[2])).orElse(false);
                if (!deleted && !Boolean.TRUE.equals(row[3])) {
                    continue;
                }
                tx.run(() -> em.createNativeQuery("DELETE FROM kube_compensations WHERE kind = ?1 AND name = ?2 AND marker = ?3")
                        .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, row[2]).executeUpdate());
                settled++;
            } catch (KubeException e) {
                LOG.fine(() -> "compensation for " + row[1] + " still pending (HTTP " + e.status() + ")");
            }
        }
        return settled;
    }

    /** Names with a pending compensation: not to be projected by repair meanwhile. */
    public List<String> pendingNames(String plural) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT name FROM kube_compensations WHERE kind = ?1")
                .setParameter(1, plural).getResultList();
        return names;
    }

    private boolean deleteIfMarked(Projection p, JsonObject resource, String token) {
        if (!token.equals(Objects.annotations(resource).getString(ProjectedWrites.CREATE_TOKEN, null))) {
            return false;
        }
        try {
            kube.delete(p.plural(), Objects.name(resource), Objects.resourceVersion(resource));
            LOG.info(() -> "removed " + p.kind() + " " + Objects.name(resource) + " left by a failed create");
        } catch (KubeException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
        return true;
    }

    private void remember(Projection p, String name, String token) {
        try {
            tx.run(() -> em.createNativeQuery("INSERT INTO kube_compensations (kind, name, marker) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT DO NOTHING")
                    .setParameter(1, p.plural()).setParameter(2, name).setParameter(3, token).executeUpdate());
        } catch (RuntimeException e) {
            LOG.severe("could not record the compensation for " + p.kind() + " " + name
                    + "; if it exists, drift repair will report it");
        }
    }
}
