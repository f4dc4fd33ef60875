package ai.opencrane.controlplane.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.litellm.LiteLlmClient;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;

/**
 * Copies LiteLLM's spend logs into {@code token_usage}. Each pass asks for the days from the newest stored entry
 * (minus one day, for entries LiteLLM writes late) to tomorrow, or the configured look-back on the first pass,
 * and inserts what it has not stored yet: the request id is the primary key, so a pass is idempotent and an
 * entry is stored once however often it is seen.
 */
@ApplicationScoped
public class UsageSync {

    private static final Logger LOG = Logger.getLogger(UsageSync.class.getName());
    private static final String INSERT = """
            INSERT INTO token_usage (request_id, tenant, user_id, model, input_tokens, output_tokens, total_cost_usd, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (request_id) DO NOTHING""";

    @Inject
    LiteLlmClient litellm;

    @Inject
    Settings settings;

    @Inject
    Tx tx;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /** One pass; returns how many new entries were stored. Failures propagate (nothing stored). */
    public int sync() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = tx.call(this::newest)
                .map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1))
                .orElse(today.minusDays(settings.litellmUsageLookbackDays()));
        JsonArray logs = litellm.spendLogs(from, today.plusDays(1));
        Map<String, String> tenants = tx.call(this::tenantsByKeyHash);
        int stored = tx.call(() -> store(logs, tenants));
        if (stored > 0) {
            LOG.fine(() -> "stored " + stored + " new LiteLLM spend-log entries");
        }
        return stored;
    }

    private java.util.Optional<Instant> newest() {
        Object v = em.createNativeQuery("SELECT max(recorded_at) FROM token_usage").getSingleResult();
        return java.util.Optional.ofNullable(v == null ? null : toInstant(v));
    }

    private Map<String, String> tenantsByKeyHash() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT key_hash, tenant FROM tenant_litellm_keys WHERE key_hash IS NOT NULL").getResultList();
        Map<String, String> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    private int store(JsonArray logs, Map<String, String> tenants) {
        int stored = 0;
        for (JsonValue v : logs) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            var row = SpendLogs.read((JsonObject) v, tenants);
            if (row.isEmpty()) {
                continue;
            }
            SpendLogs.Row r = row.get();
            stored += em.createNativeQuery(INSERT)
                    .setParameter(1, r.requestId()).setParameter(2, r.tenant()).setParameter(3, r.userId())
                    .setParameter(4, r.model()).setParameter(5, r.inputTokens()).setParameter(6, r.outputTokens())
                    .setParameter(7, r.costUsd()).setParameter(8, r.recordedAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
        return stored;
    }

    static Instant toInstant(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof Instant i) {
            return i;
        }
        return Instant.parse(v.toString());
    }
}
