package ai.opencrane.controlplane.reconcile;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.Compensations;
import ai.opencrane.controlplane.kube.Projection;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;

/**
 * One reconcile pass, run by the leader on a schedule: settle pending compensations, scan both kinds for
 * drift (the gauges show what each pass found), repair missing projections and field mismatches that have
 * lasted the grace period when auto-repair is on (rows without a resource wait for an explicit prune), move
 * the drift alert, and forget old tombstones. A failing pass changes nothing half-way (a kind's repairs are
 * one transaction), is counted, and the next pass retries.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final String ACTOR = "system:reconciler";

    @Inject
    DriftService drift;

    @Inject
    DriftAlerts alerts;

    @Inject
    Compensations compensations;

    @Inject
    Settings settings;

    @Inject
    Tx tx;

    @Inject
    Leadership leadership;

    @Inject
    MetricRegistry metrics;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    private final Map<String, AtomicLong> driftGauges = new ConcurrentHashMap<>();
    /** When each current mismatch (kind/name/issue) was first seen, for the repair grace period. */
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong lastSuccess = new AtomicLong();
    private Counter errors;

    /** Registers the gauges at start-up on every replica, leader or not. */
    void registerMetrics(@Observes @Initialized(ApplicationScoped.class) Object start) {
        errors = metrics.counter("opencrane_reconcile_errors_total");
        metrics.gauge("opencrane_reconcile_leader", () -> leadership.isLeader() ? 1 : 0);
        metrics.gauge("opencrane_reconcile_last_success_timestamp_seconds", lastSuccess::get);
        for (String kind : new String[] {"Tenant", "AccessPolicy"}) {
            for (String issue : new String[] {"missing-source", "missing-projection", "field-mismatch"}) {
                AtomicLong g = new AtomicLong();
                driftGauges.put(kind + "/" + issue, g);
                metrics.gauge("opencrane_projection_drift", g::get, new Tag("kind", kind), new Tag("issue", issue));
            }
        }
    }

    /** The repairable mismatches (not missing-source) that have lasted the grace period. */
    private DriftService.Scan due(Projection p, DriftService.Scan scan) {
        Instant now = Instant.now();
        Set<String> current = new HashSet<>();
        for (DriftService.Found f : scan.found()) {
            String key = p.kind() + "/" + f.mismatch().name() + "/" + f.mismatch().issue();
            current.add(key);
            firstSeen.putIfAbsent(key, now);
        }
        firstSeen.keySet().removeIf(k -> k.startsWith(p.kind() + "/") && !current.contains(k));
        Instant cutoff = now.minusSeconds(settings.reconcileGraceSeconds());
        return scan.only(f -> !f.mismatch().issue().equals("missing-source")
                && !firstSeen.get(p.kind() + "/" + f.mismatch().name() + "/" + f.mismatch().issue()).isAfter(cutoff));
    }

    public void pass(List<Projection> projections) {
        try {
            compensations.retryPending(projections);
            long total = 0;
            for (Projection p : projections) {
                DriftService.Scan scan = drift.scan(p);
                long remaining = scan.found().size();
                DriftService.Scan due = due(p, scan);
                if (settings.reconcileAutoRepair() && !due.found().isEmpty()) {
                    RepairReport report = drift.repair(p, due, false, false, ACTOR);
                    metrics.counter("opencrane_reconcile_repairs_total", new Tag("kind", p.kind())).inc(report.repairedCount());
                    remaining -= report.repairedCount();
                    if (report.repairedCount() > 0) {
                        LOG.info(() -> "reconciler repaired " + report.repairedCount() + " " + p.kind() + " projection rows");
                    }
                }
                for (String issue : new String[] {"missing-source", "missing-projection", "field-mismatch"}) {
                    driftGauges.get(p.kind() + "/" + issue).set(scan.count(issue));
                }
                total += remaining;
            }
            alerts.evaluate(total, JsonMapping.JSON.createObjectBuilder().add("totalDriftCount", total).build());
            tx.run(() -> em.createNativeQuery(
                    "DELETE FROM projection_tombstones WHERE deleted_at < clock_timestamp() - interval '1 hour'").executeUpdate());
            lastSuccess.set(System.currentTimeMillis() / 1000);
        } catch (RuntimeException e) {
            errors.inc();
            LOG.warning(() -> "reconcile pass failed (" + e.getClass().getSimpleName() + "); the next pass retries");
        }
    }
}
