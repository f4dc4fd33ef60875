package ai.opencrane.controlplane.reconcile;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Projection drift across both kinds, the alert state and how far behind the projection is. */
@Schema(name = "ProjectionDrift")
public record DriftMetrics(
        @Schema(required = true, enumeration = {"detect-only"}) String mode,
        @Schema(required = true) Instant sampledAt,
        @Schema(required = true) Summary summary,
        @Schema(required = true) Alert alert,
        @Schema(required = true, description = "Keyed by tenant and accessPolicy.") Map<String, Kind> resources,
        @Schema(required = true) Lag lag) {

    @Schema(name = "ProjectionDriftSummary")
    public record Summary(long totalDriftCount, int resourceCount) {
    }

    @Schema(name = "ProjectionDriftAlert")
    public record Alert(boolean enabled, int threshold, boolean exceeded,
                        @Schema(enumeration = {"ok", "alert"}) String state) {
    }

    @Schema(name = "ProjectionDriftKind")
    public record Kind(int sourceCount, int projectionCount, int driftCount, long missingSource, long missingProjection,
                       long fieldMismatch) {
    }

    @Schema(name = "ProjectionLag")
    public record Lag(@Schema(description = "Null when no drifted row exists.") Long maxProjectionLagSeconds,
                      Map<String, KindLag> resources) {
    }

    @Schema(name = "ProjectionKindLag")
    public record KindLag(Long maxProjectionLagSeconds, int measuredProjectionCount, long unresolvedMissingProjectionCount) {
    }
}
