package ai.opencrane.controlplane.usage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * Spend in the current calendar month (UTC) from the synced usage: in total, and per LiteLLM user (the account
 * a key belongs to). As current as the last sync.
 */
@ApplicationScoped
public class UsageTotals {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    public BigDecimal thisMonth() {
        Object v = em.createNativeQuery("SELECT COALESCE(sum(total_cost_usd), 0) FROM token_usage WHERE recorded_at >= ?1")
                .setParameter(1, monthStart()).getSingleResult();
        return Usd.clean(new BigDecimal(v.toString()));
    }

    /** Spend this month per user id (users without usage are absent). */
    public Map<String, BigDecimal> thisMonthByUser(Collection<String> userIds) {
        Map<String, BigDecimal> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            placeholders.add("?" + (i + 2));
        }
        Query q = em.createNativeQuery("SELECT user_id, sum(total_cost_usd) FROM token_usage WHERE recorded_at >= ?1 AND user_id IN ("
                + String.join(", ", placeholders) + ") GROUP BY user_id").setParameter(1, monthStart());
        int n = 2;
        for (String id : userIds) {
            q.setParameter(n++, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        rows.forEach(r -> out.put((String) r[0], Usd.clean(new BigDecimal(r[1].toString()))));
        return out;
    }

    static OffsetDateTime monthStart() {
        return YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
