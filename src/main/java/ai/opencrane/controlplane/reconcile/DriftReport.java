package ai.opencrane.controlplane.reconcile;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a kind's projection differs from the cluster. */
@Schema(name = "DriftReport")
public record DriftReport(
        @Schema(required = true, enumeration = {"Tenant", "AccessPolicy"}) String resource,
        @Schema(required = true, enumeration = {"detect-only"}) String mode,
        @Schema(required = true) List<String> comparedFields,
        @Schema(required = true) Summary summary,
        @Schema(required = true) List<Mismatch> mismatches) {

    @Schema(name = "DriftSummary")
    public record Summary(int sourceCount, int projectionCount, int driftCount) {
    }

    @Schema(name = "DriftMismatch")
    public record Mismatch(
            @Schema(required = true) String name,
            @Schema(required = true, enumeration = {"missing-source", "missing-projection", "field-mismatch"}) String issue,
            @Schema(description = "The differing fields, for field-mismatch.") List<String> fields) {
    }
}
