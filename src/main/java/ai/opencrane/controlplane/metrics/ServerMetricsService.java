package ai.opencrane.controlplane.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.sun.management.OperatingSystemMXBean;

import ai.opencrane.controlplane.platform.Settings;

/**
 * Measures what {@code /metrics/server} reports: process CPU and resident memory from the JVM and
 * {@code /proc}, the memory limit as the JVM sees it (container-aware), the database's size from
 * PostgreSQL and the number of active tenants from the projection. Nothing is a made-up constant.
 */
@ApplicationScoped
public class ServerMetricsService {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Inject
    Settings settings;

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public ServerMetrics sample() {
        double load = os.getProcessCpuLoad();
        double cpu = load < 0 ? 0 : Math.round(load * 1000) / 10.0;
        Object[] db = (Object[]) em.createNativeQuery("SELECT pg_database_size(current_database()), "
                + "(SELECT count(*) FROM tenants WHERE NOT suspended AND COALESCE(phase, '') <> 'Suspended')")
                .getSingleResult();
        return new ServerMetrics(cpu, residentBytes(), os.getTotalMemorySize(), ((Number) db[0]).longValue(),
                settings.dbStorageCapacityBytes().orElse(null), ((Number) db[1]).longValue(), Instant.now());
    }

    /** Resident set size from /proc (Linux); the JVM's committed memory where /proc is not available. */
    static long residentBytes() {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : status) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        var memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    }
}
