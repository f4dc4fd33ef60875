package ai.opencrane.controlplane.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.kube.Projection;
import ai.opencrane.controlplane.policy.PolicyProjection;
import ai.opencrane.controlplane.tenant.TenantProjection;

@ApplicationScoped
@Path("/metrics/projection-drift")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class DriftMetricsResource {

    @Inject
    DriftService drift;

    @Inject
    DriftAlerts alerts;

    @Inject
    TenantProjection tenants;

    @Inject
    PolicyProjection policies;

    @GET
    @Operation(operationId = "getProjectionDriftMetrics",
            summary = "Tenant and AccessPolicy drift counts, projection lag and the drift alert")
    public DriftMetrics get() {
        Instant now = Instant.now();
        Map<String, DriftMetrics.Kind> kinds = new LinkedHashMap<>();
        Map<String, DriftMetrics.KindLag> lags = new LinkedHashMap<>();
        long total = 0;
        Long maxLag = null;
        for (Map.Entry<String, Projection> e : Map.of("tenant", (Projection) tenants, "accessPolicy", policies).entrySet()) {
            DriftService.Scan scan = drift.scan(e.getValue());
            kinds.put(e.getKey(), new DriftMetrics.Kind(scan.sourceCount(), scan.projectionCount(), scan.found().size(),
                    scan.count("missing-source"), scan.count("missing-projection"), scan.count("field-mismatch")));
            Long lag = scan.found().stream().map(DriftService.Found::rowUpdatedAt).filter(Objects::nonNull)
                    .map(t -> Duration.between(t, now).toSeconds()).max(Long::compare).orElse(null);
            int measured = (int) scan.found().stream().filter(f -> f.rowUpdatedAt() != null).count();
            lags.put(e.getKey(), new DriftMetrics.KindLag(lag, measured, scan.count("missing-projection")));
            total += scan.found().size();
            if (lag != null && (maxLag == null || lag > maxLag)) {
                maxLag = lag;
            }
        }
        Map<String, DriftMetrics.Kind> ordered = new LinkedHashMap<>();
        ordered.put("tenant", kinds.get("tenant"));
        ordered.put("accessPolicy", kinds.get("accessPolicy"));
        DriftMetrics.Summary summary = new DriftMetrics.Summary(total, 2);
        JsonObject snapshot = JsonMapping.JSON.createObjectBuilder().add("sampledAt", now.toString())
                .add("summary", JsonMapping.toJson(summary)).add("resources", JsonMapping.toJson(ordered)).build();
        JsonObject alert = alerts.evaluate(total, snapshot);
        return new DriftMetrics("detect-only", now, summary,
                new DriftMetrics.Alert(alert.getBoolean("enabled"), alert.getInt("threshold"), alert.getBoolean("exceeded"),
                        alert.getString("state")), ordered, new DriftMetrics.Lag(maxLag, lags));
    }
}
