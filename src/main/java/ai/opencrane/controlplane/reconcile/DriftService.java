package ai.opencrane.controlplane.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.kube.Compensations;
import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.kube.Objects;
import ai.opencrane.controlplane.kube.Projection;
import ai.opencrane.controlplane.platform.Tx;

/**
 * Drift detection and repair for a projected kind. Both sides are read in name order, page by page (the
 * API server lists in key order; the table is read by its primary key), and merged, so memory holds one
 * page of each side plus the mismatches. Each page of rows is read in a transaction of its own, whose end
 * releases its entities: without one, a request's persistence context lasts as long as the request and held
 * every row of the scan at once (10,000 tenants: the heap grew by 50 MB, bench/). Repair goes from resource
 * to row, applies its changes (up to a limit) and their audit entries in one transaction (all or nothing), and
 * is idempotent.
 */
@ApplicationScoped
public class DriftService {

    /**
     * Items per page: with 500, a page of both sides outgrew the young generation's survivor space, so every
     * young collection during a scan promoted it and full collections followed (bench/: drift runs).
     */
    static final int PAGE = 200;

    /** Rows one repair changes at most. */
    static final int MAX_CHANGES = 500;

    @Inject
    CustomResources kube;

    @Inject
    Compensations compensations;

    @Inject
    AuditService audit;

    @Inject
    Tx tx;

    /** A mismatch, with what repair needs: the resource (null for missing-source) and the row (null for missing-projection). */
    public record Found(DriftReport.Mismatch mismatch, JsonObject resource, Projection.Row row) {

        public Instant rowUpdatedAt() {
            return row == null ? null : row.updatedAt();
        }
    }

    /** Both sides compared: their sizes and every mismatch. */
    public record Scan(int sourceCount, int projectionCount, List<Found> found, long kubeNanos, long totalNanos) {

        /** A {@code Server-Timing} header value: time in Kubernetes list calls, and in all. */
        public String serverTiming() {
            return String.format(java.util.Locale.ROOT, "kube;dur=%.1f, total;dur=%.1f", kubeNanos / 1e6, totalNanos / 1e6);
        }

        public long count(String issue) {
            return found.stream().filter(f -> f.mismatch().issue().equals(issue)).count();
        }

        /** The same scan with only the mismatches {@code keep} accepts. */
        public Scan only(java.util.function.Predicate<Found> keep) {
            return new Scan(sourceCount, projectionCount, found.stream().filter(keep).toList(), kubeNanos, totalNanos);
        }
    }

    public DriftReport report(Projection p) {
        return report(p, scan(p));
    }

    public DriftReport report(Projection p, Scan scan) {
        return new DriftReport(p.kind(), "detect-only", Comparison.fields(p.kind()),
                new DriftReport.Summary(scan.sourceCount(), scan.projectionCount(), scan.found().size()),
                scan.found().stream().map(Found::mismatch).toList());
    }

    /**
     * Repairs from resource to row; {@code prune} also deletes rows without a resource (otherwise they are
     * reported as skipped). Resources left by a failed create are skipped: they are being removed.
     */
    public RepairReport repair(Projection p, boolean dryRun, boolean prune, String actor) {
        return repair(p, scan(p), dryRun, prune, actor);
    }

    /**
     * As {@link #repair(Projection, boolean, boolean, String)}, from a scan just made. What the scan read may
     * have changed since: a row is not written over a newer one or after its resource was deleted, a pruned
     * row only goes at the version the scan saw, and such a mismatch is reported as skipped (the watch has
     * the change). One repair changes at most {@link #MAX_CHANGES} rows, in name order (each holds a lock until
     * the transaction ends, and PostgreSQL has room for only so many); the rest are skipped until the next.
     */
    public RepairReport repair(Projection p, Scan scan, boolean dryRun, boolean prune, String actor) {
        Set<String> pending = new HashSet<>(compensations.pendingNames(p.plural()));
        List<RepairReport.Entry> entries = new ArrayList<>();
        Map<String, BooleanSupplier> changes = new LinkedHashMap<>();
        for (Found f : scan.found()) {
            String name = f.mismatch().name();
            String action;
            String reason;
            BooleanSupplier change = null;
            switch (f.mismatch().issue()) {
                case "missing-projection" -> {
                    if (pending.contains(name)) {
                        action = "skipped";
                        reason = "left by a failed create; it is being removed";
                    } else {
                        action = "created";
                        reason = "missing projection row created from the resource";
                        change = () -> p.apply(f.resource(), true) && audit(p, actor, "Repaired", name,
                                "created from the resource", JsonMapping.JSON.createObjectBuilder().add("issue", "missing-projection"));
                    }
                }
                case "field-mismatch" -> {
                    action = "updated";
                    reason = "fields corrected from the resource: " + String.join(", ", f.mismatch().fields());
                    change = () -> p.apply(f.resource(), true) && audit(p, actor, "Repaired", name,
                            "corrected from the resource", JsonMapping.JSON.createObjectBuilder().add("issue", "field-mismatch")
                                    .add("fields", JsonMapping.JSON.createArrayBuilder(f.mismatch().fields())));
                }
                default -> {
                    if (!prune) {
                        action = "skipped";
                        reason = "no resource for this row; pass prune=true to delete it";
                    } else {
                        action = "pruned";
                        reason = "row without a resource deleted";
                        Long version = Objects.rvNumber(Objects.resourceVersion(f.row().resource()));
                        change = () -> p.remove(name, version) && audit(p, actor, "Pruned", name,
                                "deleted: no resource", JsonMapping.JSON.createObjectBuilder().add("issue", "missing-source"));
                    }
                }
            }
            if (change != null && changes.size() == MAX_CHANGES) {
                action = "skipped";
                reason = "over the limit of " + MAX_CHANGES + " rows per repair; repair again";
            } else if (change != null) {
                changes.put(name, change);
            }
            entries.add(new RepairReport.Entry(name, action, reason, dryRun));
        }
        if (!dryRun && !changes.isEmpty()) {
            Set<String> moved = new HashSet<>();
            tx.run(() -> changes.forEach((name, change) -> {
                if (!change.getAsBoolean()) {
                    moved.add(name);
                }
            }));
            entries.replaceAll(e -> moved.contains(e.name()) ? new RepairReport.Entry(e.name(), "skipped",
                    "changed since it was read; the watch has the change", false) : e);
        }
        int skipped = (int) entries.stream().filter(e -> e.action().equals("skipped")).count();
        return new RepairReport(p.kind(), dryRun ? "dry-run" : "apply", entries.size() - skipped, skipped, entries);
    }

    /** Records a repair's change of one row; true, so it can follow the change with {@code &&}. */
    private boolean audit(Projection p, String actor, String action, String name, String what, JsonObjectBuilder metadata) {
        audit.record(actor, action, p.kind() + "/" + name, tenantOf(p, name),
                "Projection row of " + p.kind() + " " + name + " " + what, metadata.build());
        return true;
    }

    private static String tenantOf(Projection p, String name) {
        return p.kind().equals("Tenant") ? name : null;
    }

    public Scan scan(Projection p) {
        long started = System.nanoTime();
        long[] kubeNanos = {0};
        Function<JsonObject, Map<String, JsonValue>> fields = Comparison.of(p.kind());
        Iterator<JsonObject> source = new Pages<>(token -> {
            long t = System.nanoTime();
            CustomResources.Listing page = kube.list(p.plural(), token, PAGE);
            kubeNanos[0] += System.nanoTime() - t;
            return new Pages.Page<>(page.items(), page.next());
        });
        Iterator<Projection.Row> rows = new Pages<Projection.Row>(after -> {
            List<Projection.Row> page = tx.call(() -> p.rows(after, PAGE));
            return new Pages.Page<>(page, page.size() < PAGE ? null : Objects.name(page.get(page.size() - 1).resource()));
        });
        List<Found> found = new ArrayList<>();
        int sources = 0;
        int projections = 0;
        JsonObject s = next(source);
        Projection.Row r = next(rows);
        String previous = "";
        while (s != null || r != null) {
            int order = s == null ? 1 : r == null ? -1 : Objects.name(s).compareTo(Objects.name(r.resource()));
            if (s != null && Objects.name(s).compareTo(previous) < 0) {
                throw ApiException.upstream("the Kubernetes API server did not list resources in name order");
            }
            if (order < 0) {
                found.add(new Found(new DriftReport.Mismatch(Objects.name(s), "missing-projection", null), s, null));
                previous = Objects.name(s);
                sources++;
                s = next(source);
            } else if (order > 0) {
                found.add(new Found(new DriftReport.Mismatch(Objects.name(r.resource()), "missing-source", null), null, r));
                projections++;
                r = next(rows);
            } else {
                List<String> differ = Comparison.differences(fields.apply(s), fields.apply(r.resource()));
                if (!differ.isEmpty()) {
                    found.add(new Found(new DriftReport.Mismatch(Objects.name(s), "field-mismatch", differ), s, r));
                }
                previous = Objects.name(s);
                sources++;
                projections++;
                s = next(source);
                r = next(rows);
            }
        }
        return new Scan(sources, projections, found, kubeNanos[0], System.nanoTime() - started);
    }

    private static <T> T next(Iterator<T> it) {
        return it.hasNext() ? it.next() : null;
    }
}
