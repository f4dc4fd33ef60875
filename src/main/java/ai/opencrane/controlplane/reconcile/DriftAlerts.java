package ai.opencrane.controlplane.reconcile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;

/**
 * The projection-drift alert: it fires when total drift reaches the configured threshold and clears when it
 * falls below. The state lives in PostgreSQL and changes with a conditional update, so with any number of
 * replicas and requests each transition is announced to the webhook exactly once.
 */
@ApplicationScoped
public class DriftAlerts {

    private static final Logger LOG = Logger.getLogger(DriftAlerts.class.getName());

    @Inject
    Settings settings;

    @Inject
    Tx tx;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The alert section of the drift metrics for {@code totalDrift}, moving the shared state if needed. */
    public JsonObject evaluate(long totalDrift, JsonObject snapshot) {
        int threshold = settings.driftAlertThreshold();
        boolean enabled = threshold > 0;
        boolean exceeded = enabled && totalDrift >= threshold;
        if (enabled) {
            boolean changed = tx.call(() -> em.createNativeQuery(
                            "UPDATE drift_alert_state SET firing = ?1, changed_at = clock_timestamp() WHERE id = 1 AND firing <> ?1")
                    .setParameter(1, exceeded).executeUpdate() > 0);
            if (changed) {
                announce(exceeded, totalDrift, snapshot);
            }
        }
        return JsonMapping.JSON.createObjectBuilder().add("enabled", enabled).add("threshold", threshold)
                .add("exceeded", exceeded).add("state", exceeded ? "alert" : "ok").build();
    }

    private void announce(boolean firing, long totalDrift, JsonObject snapshot) {
        LOG.warning(() -> firing ? "projection drift alert: " + totalDrift + " mismatches"
                : "projection drift alert cleared");
        settings.driftWebhookUrl().ifPresent(url -> {
            String body = JsonMapping.JSON.createObjectBuilder()
                    .add("event", firing ? "opencrane.projection_drift.alert" : "opencrane.projection_drift.resolved")
                    .add("severity", firing ? "warning" : "info")
                    .add("message", firing ? "Projection drift threshold exceeded: " + totalDrift + " mismatches detected"
                            : "Projection drift back below the threshold: " + totalDrift + " mismatches")
                    .add("payload", snapshot).build().toString();
            executor.submit(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    LOG.warning("drift webhook failed: " + e.getClass().getSimpleName());
                }
            });
        });
    }
}
