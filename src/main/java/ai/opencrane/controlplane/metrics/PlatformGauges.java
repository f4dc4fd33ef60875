package ai.opencrane.controlplane.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Platform gauges for Prometheus: tenants by phase. Counting hits PostgreSQL, so a scrape reuses a count
 * for up to 15 s instead of querying once per gauge and scrape.
 */
@ApplicationScoped
public class PlatformGauges {

    static final String[] PHASES = {"Pending", "Running", "Suspended", "Error"};
    private static final long MAX_AGE_MILLIS = 15_000;

    @Inject
    MetricRegistry registry;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    private volatile Map<String, Long> byPhase = Map.of();
    private volatile long countedAt;

    void init(@Observes @Initialized(ApplicationScoped.class) Object start) {
        for (String phase : PHASES) {
            registry.gauge("opencrane_tenants", () -> count(phase), new Tag("phase", phase));
        }
    }

    private synchronized long count(String phase) {
        if (System.currentTimeMillis() - countedAt > MAX_AGE_MILLIS) {
            Map<String, Long> counts = new ConcurrentHashMap<>();
            try {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(
                        "SELECT COALESCE(phase, 'Pending'), count(*) FROM tenants GROUP BY 1").getResultList();
                rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
                byPhase = counts;
            } catch (RuntimeException e) {
                // keep the last counts while the database is unreachable
            }
            countedAt = System.currentTimeMillis();
        }
        return byPhase.getOrDefault(phase, 0L);
    }
}
