package ai.opencrane.controlplane.reconcile;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a repair did (or, in a dry run, would do). */
@Schema(name = "RepairReport")
public record RepairReport(
        @Schema(required = true, enumeration = {"Tenant", "AccessPolicy"}) String resource,
        @Schema(required = true, enumeration = {"dry-run", "apply"}) String mode,
        @Schema(required = true, description = "Rows created, updated or pruned.") int repairedCount,
        @Schema(required = true, description = "Mismatches left as they are: rows without a resource (unless prune), "
                + "resources a failed create left, rows that changed since the scan, and those over the limit of 500 "
                + "changes per repair (repair again).") int skippedCount,
        @Schema(required = true) List<Entry> entries) {

    @Schema(name = "RepairEntry")
    public record Entry(
            @Schema(required = true) String name,
            @Schema(required = true, enumeration = {"created", "updated", "pruned", "skipped"}) String action,
            @Schema(required = true) String reason,
            @Schema(required = true) boolean dryRun) {
    }
}
