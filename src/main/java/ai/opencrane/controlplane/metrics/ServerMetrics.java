package ai.opencrane.controlplane.metrics;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServerMetrics", description = "Utilisation of this replica and of the platform's database.")
public record ServerMetrics(
        @Schema(required = true, description = "CPU used by this server process, percent of the CPUs available to it (0-100).")
        double cpuPercent,
        @Schema(required = true, description = "Resident memory of this server process.") long memoryUsedBytes,
        @Schema(required = true, description = "Memory available to the process: the container limit, else the machine's.")
        long memoryTotalBytes,
        @Schema(required = true, description = "Size of the PostgreSQL database.") long storageUsedBytes,
        @Schema(description = "Capacity of the database volume, when configured (opencrane.db.storage-capacity-bytes).")
        Long storageTotalBytes,
        @Schema(required = true, description = "Tenants that are not suspended.") long activeTenants,
        @Schema(required = true) Instant sampledAt) {
}
