package ai.opencrane.controlplane.litellmkey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Queries and state changes of {@code tenant_litellm_keys}, and the tenant data a key derives from. */
@ApplicationScoped
public class KeyRows {

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /** The tenant's issuing or active key. */
    Optional<TenantKey> live(String tenant) {
        return first("SELECT * FROM tenant_litellm_keys WHERE tenant = ?1 AND state <> 'revoked'", tenant);
    }

    /** The tenant's newest key in any state. */
    Optional<TenantKey> latest(String tenant) {
        return first("SELECT * FROM tenant_litellm_keys WHERE tenant = ?1 ORDER BY created_at DESC, id DESC LIMIT 1", tenant);
    }

    List<TenantKey> active() {
        return list("SELECT * FROM tenant_litellm_keys WHERE state = 'active' ORDER BY tenant");
    }

    /** Issuing rows older than {@code before}: their issuance died half-way. */
    List<TenantKey> staleIssuing(Instant before) {
        return list("SELECT * FROM tenant_litellm_keys WHERE state = 'issuing' AND created_at < ?1",
                before.atOffset(ZoneOffset.UTC));
    }

    /** Active keys whose tenant is gone. */
    List<TenantKey> orphaned() {
        return list("SELECT * FROM tenant_litellm_keys k WHERE state = 'active' "
                + "AND NOT EXISTS (SELECT 1 FROM tenants t WHERE t.name = k.tenant)");
    }

    /** Tenants that never had a key, at most {@code limit}. */
    List<KeyTarget> tenantsWithoutKeys(BigDecimal defaultBudget, int limit) {
        return targets("SELECT name, uid, email, spec->>'monthlyBudgetUsd' FROM tenants t WHERE NOT EXISTS "
                + "(SELECT 1 FROM tenant_litellm_keys k WHERE k.tenant = t.name) ORDER BY name LIMIT ?1", defaultBudget, limit);
    }

    Optional<KeyTarget> tenant(String name, BigDecimal defaultBudget) {
        return targets("SELECT name, uid, email, spec->>'monthlyBudgetUsd' FROM tenants WHERE name = ?1", defaultBudget, name)
                .stream().findFirst();
    }

    /** The ceiling of the account (LiteLLM user) the key belongs to, if one is set. */
    Optional<BigDecimal> accountLimit(String userId) {
        @SuppressWarnings("unchecked")
        List<Object> limits = em.createNativeQuery("SELECT monthly_limit_usd FROM budget_accounts WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        return limits.stream().findFirst().map(o -> new BigDecimal(o.toString()));
    }

    /** Claims the tenant's one live slot with an issuing row; false when another key is issuing or active. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean claim(String id, KeyTarget t) {
        return em.createNativeQuery("""
                INSERT INTO tenant_litellm_keys (id, tenant, key_alias, secret_name, user_id, monthly_budget_usd, state)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'issuing') ON CONFLICT DO NOTHING""")
                .setParameter(1, id).setParameter(2, t.tenant()).setParameter(3, t.alias()).setParameter(4, t.secretName())
                .setParameter(5, t.userId()).setParameter(6, t.monthlyBudgetUsd()).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean activate(String id, String keyHash) {
        return em.createNativeQuery("UPDATE tenant_litellm_keys SET state = 'active', key_hash = ?2, issued_at = clock_timestamp() "
                + "WHERE id = ?1 AND state = 'issuing'").setParameter(1, id).setParameter(2, keyHash).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean revoke(String id) {
        return em.createNativeQuery("UPDATE tenant_litellm_keys SET state = 'revoked', revoked_at = clock_timestamp() "
                + "WHERE id = ?1 AND state = 'active'").setParameter(1, id).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void forget(String id) {
        em.createNativeQuery("DELETE FROM tenant_litellm_keys WHERE id = ?1 AND state = 'issuing'").setParameter(1, id).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean retarget(String id, KeyTarget t) {
        // only when it still differs: a concurrent push of the same target (event and reconciler) is recorded once
        return em.createNativeQuery("UPDATE tenant_litellm_keys SET monthly_budget_usd = ?2::numeric, user_id = ?3::text "
                        + "WHERE id = ?1 AND state = 'active' "
                        + "AND (monthly_budget_usd IS DISTINCT FROM ?2::numeric OR user_id IS DISTINCT FROM ?3::text)")
                .setParameter(1, id).setParameter(2, t.monthlyBudgetUsd()).setParameter(3, t.userId()).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean block(String id, boolean blocked) {
        return em.createNativeQuery("UPDATE tenant_litellm_keys SET blocked = ?2 WHERE id = ?1 AND state = 'active' AND blocked <> ?2")
                .setParameter(1, id).setParameter(2, blocked).executeUpdate() == 1;
    }

    private Optional<TenantKey> first(String sql, Object param) {
        return list(sql, param).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<TenantKey> list(String sql, Object... params) {
        // one request may read a key before and after changing it: always the row as it is now
        var q = em.createNativeQuery(sql, TenantKey.class).setHint("eclipselink.refresh", "true");
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private List<KeyTarget> targets(String sql, BigDecimal defaultBudget, Object param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
        return rows.stream().map(r -> KeyTarget.of((String) r[0], (String) r[1], (String) r[2], (String) r[3], defaultBudget)).toList();
    }
}
