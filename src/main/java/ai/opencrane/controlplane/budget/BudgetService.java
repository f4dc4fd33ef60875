package ai.opencrane.controlplane.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.ETags;
import ai.opencrane.controlplane.api.JsonMapping;
import ai.opencrane.controlplane.api.Keyset;
import ai.opencrane.controlplane.api.Page;
import ai.opencrane.controlplane.api.PageParams;
import ai.opencrane.controlplane.audit.AuditService;
import ai.opencrane.controlplane.litellm.LiteLlmClient;
import ai.opencrane.controlplane.litellm.LiteLlmException;
import ai.opencrane.controlplane.litellm.LiteLlmUsers;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;
import ai.opencrane.controlplane.usage.BudgetAlerts;
import ai.opencrane.controlplane.usage.UsageTotals;
import ai.opencrane.controlplane.usage.Usd;

/**
 * Global and account budgets. The global ceiling lives only here. An account's ceiling is pushed to its LiteLLM
 * user first and then stored with its audit entry; when storing fails, LiteLLM gets the previous value back.
 */
@ApplicationScoped
public class BudgetService {

    public static final String BUDGET_NOT_FOUND = "BUDGET_NOT_FOUND";
    private static final Logger LOG = Logger.getLogger(BudgetService.class.getName());

    @Inject
    UsageTotals totals;

    @Inject
    LiteLlmUsers users;

    @Inject
    LiteLlmClient litellm;

    @Inject
    AuditService audit;

    @Inject
    Settings settings;

    @Inject
    Tx tx;

    @PersistenceContext(unitName = "opencrane")
    EntityManager em;

    /** The global ceiling (null when none) and its version (0 before the first change). */
    public Versioned<BigDecimal> globalLimit() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT monthly_limit_usd, version FROM budget_global WHERE id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return new Versioned<>(null, 0);
        }
        Object[] r = rows.get(0);
        return new Versioned<>(r[0] == null ? null : new BigDecimal(r[0].toString()), ((Number) r[1]).longValue());
    }

    public Versioned<BudgetView> global() {
        Versioned<BigDecimal> limit = globalLimit();
        return new Versioned<>(view(limit.value()), limit.version());
    }

    public Versioned<BudgetView> putGlobal(GlobalBudgetUpdate u, String ifMatch) {
        if (u.monthlyLimitUsd() == null) {
            Versioned<BudgetView> current = global();
            ETags.check(ifMatch, current.version());
            return current;
        }
        BigDecimal limit = u.monthlyLimitUsd().orElse(null);
        long version = tx.call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> locked = em.createNativeQuery("SELECT version FROM budget_global WHERE id = 1 FOR UPDATE").getResultList();
            long current = locked.isEmpty() ? 0 : ((Number) locked.get(0)).longValue();
            ETags.check(ifMatch, current);
            em.createNativeQuery("""
                    INSERT INTO budget_global (id, monthly_limit_usd) VALUES (1, ?1)
                    ON CONFLICT (id) DO UPDATE SET monthly_limit_usd = EXCLUDED.monthly_limit_usd,
                        version = budget_global.version + 1, updated_at = clock_timestamp()""")
                    .setParameter(1, limit).executeUpdate();
            audit.record("GlobalBudgetUpdated", "Budget/global", null,
                    limit == null ? "Global AI budget removed" : "Global AI budget set to " + Usd.clean(limit) + " USD a month",
                    amount(JsonMapping.JSON.createObjectBuilder(), "monthlyLimitUsd", limit).build());
            return current + 1;
        });
        return new Versioned<>(view(limit), version);
    }

    public Page<AccountBudgetView> accounts(PageParams page) {
        Page<AccountBudget> rows = Keyset.of(em, AccountBudget.class, "budget_accounts", "created_at", "user_id")
                .page(page, a -> List.of(a.createdAt.toString(), a.userId), a -> a,
                        s -> Instant.parse(s).atOffset(ZoneOffset.UTC), s -> s);
        Map<String, BigDecimal> spend = totals.thisMonthByUser(rows.data().stream().map(a -> a.userId).toList());
        return new Page<>(rows.data().stream().map(a -> view(a, spend.get(a.userId))).toList(), rows.pagination());
    }

    public Versioned<AccountBudgetView> putAccount(String userId, AccountBudgetUpdate u, String ifMatch) {
        checkUserId(userId);
        litellm.requireConfigured();
        Optional<AccountBudget> before = find(userId);
        ETags.check(ifMatch, before.map(a -> a.version).orElse(0L));
        Optional<Optional<BigDecimal>> litellmBefore = limitInLiteLlm(userId);
        pushOrFail(userId, u.monthlyLimitUsd(), litellmBefore.isPresent());
        try {
            tx.run(() -> {
                long current = lockedVersion(userId);
                ETags.check(ifMatch, current);
                em.createNativeQuery("""
                        INSERT INTO budget_accounts (user_id, monthly_limit_usd) VALUES (?1, ?2)
                        ON CONFLICT (user_id) DO UPDATE SET monthly_limit_usd = EXCLUDED.monthly_limit_usd,
                            version = budget_accounts.version + 1, updated_at = clock_timestamp()""")
                        .setParameter(1, userId).setParameter(2, u.monthlyLimitUsd()).executeUpdate();
                JsonObjectBuilder meta = JsonMapping.JSON.createObjectBuilder().add("userId", userId);
                amount(meta, "monthlyLimitUsd", u.monthlyLimitUsd());
                before.ifPresent(b -> amount(meta, "previousMonthlyLimitUsd", b.monthlyLimitUsd));
                audit.record("AccountBudgetUpdated", "AccountBudget/" + userId, null, "AI budget of account " + userId
                        + " set to " + Usd.clean(u.monthlyLimitUsd()) + " USD a month", meta.build());
            });
        } catch (RuntimeException e) {
            restore(userId, litellmBefore);
            throw e;
        }
        AccountBudget after = find(userId).orElseThrow();
        return new Versioned<>(view(after, totals.thisMonthByUser(List.of(userId)).get(userId)), after.version);
    }

    public void deleteAccount(String userId, String ifMatch) {
        checkUserId(userId);
        litellm.requireConfigured();
        AccountBudget before = find(userId).orElseThrow(() -> notFound(userId));
        ETags.check(ifMatch, before.version);
        Optional<Optional<BigDecimal>> litellmBefore = limitInLiteLlm(userId);
        if (litellmBefore.isPresent()) {
            pushOrFail(userId, null, true);
        }
        try {
            tx.run(() -> {
                long current = lockedVersion(userId);
                if (current == 0) {
                    throw notFound(userId);
                }
                ETags.check(ifMatch, current);
                em.createNativeQuery("DELETE FROM budget_accounts WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
                audit.record("AccountBudgetDeleted", "AccountBudget/" + userId, null, "AI budget of account " + userId + " removed",
                        amount(JsonMapping.JSON.createObjectBuilder().add("userId", userId), "previousMonthlyLimitUsd", before.monthlyLimitUsd).build());
            });
        } catch (RuntimeException e) {
            restore(userId, litellmBefore);
            throw e;
        }
    }

    private void pushOrFail(String userId, BigDecimal limit, boolean exists) {
        try {
            users.push(userId, limit, exists);
        } catch (LiteLlmException e) {
            throw e.toApi();
        }
    }

    private Optional<Optional<BigDecimal>> limitInLiteLlm(String userId) {
        try {
            return users.limit(userId);
        } catch (LiteLlmException e) {
            throw e.toApi();
        }
    }

    /** Puts LiteLLM's user back as it was before a change whose PostgreSQL half failed. */
    private void restore(String userId, Optional<Optional<BigDecimal>> before) {
        try {
            users.push(userId, before.flatMap(b -> b).orElse(null), true);
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not restore an account's LiteLLM budget after a failed change ("
                    + e.getClass().getSimpleName() + "); LiteLLM may hold the new ceiling until the account is changed again");
        }
    }

    private long lockedVersion(String userId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT version FROM budget_accounts WHERE user_id = ?1 FOR UPDATE")
                .setParameter(1, userId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** The row as it is now (one request reads it before and after changing it). */
    private Optional<AccountBudget> find(String userId) {
        @SuppressWarnings("unchecked")
        List<AccountBudget> rows = em.createNativeQuery("SELECT * FROM budget_accounts WHERE user_id = ?1", AccountBudget.class)
                .setParameter(1, userId).setHint("eclipselink.refresh", "true").getResultList();
        return rows.stream().findFirst();
    }

    private BudgetView view(BigDecimal limit) {
        BigDecimal spend = totals.thisMonth();
        return new BudgetView(Usd.clean(limit), spend, BudgetAlerts.state(limit, spend, settings.budgetWarningThreshold()));
    }

    private AccountBudgetView view(AccountBudget a, BigDecimal spend) {
        BigDecimal s = spend == null ? BigDecimal.ZERO : spend;
        return new AccountBudgetView(a.userId, Usd.clean(a.monthlyLimitUsd), s,
                BudgetAlerts.state(a.monthlyLimitUsd, s, settings.budgetWarningThreshold()), a.updatedAt);
    }

    private static JsonObjectBuilder amount(JsonObjectBuilder b, String name, BigDecimal value) {
        return value == null ? b.add(name, JsonValue.NULL) : b.add(name, Usd.clean(value));
    }

    static void checkUserId(String userId) {
        if (userId.isEmpty() || userId.length() > 255 || userId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.invalid("userId", "must be 1 to 255 characters without control characters");
        }
    }

    private static ApiException notFound(String userId) {
        return ApiException.notFound(BUDGET_NOT_FOUND, "no AI budget for account " + userId);
    }
}
