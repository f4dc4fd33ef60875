package ai.opencrane.controlplane.litellmkey;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.UnexpectedExceptionMapper;
import ai.opencrane.controlplane.platform.Settings;

/**
 * The leader's level-triggered pass over the keys: finish issuances that died half-way, revoke keys of deleted
 * tenants, issue keys to tenants that never had one (a revoked key stays revoked until the tenant is changed),
 * and bring every active key's budget and user to the tenant's. Each key is handled on its own, so one
 * failure does not hold up the rest; the next pass retries.
 */
@ApplicationScoped
public class KeyReconciler {

    public static final String ACTOR = "system:litellm-reconciler";
    private static final Logger LOG = Logger.getLogger(KeyReconciler.class.getName());

    @Inject
    KeyRows rows;

    @Inject
    KeyIssuer issuer;

    @Inject
    Settings settings;

    /** Returns how many keys failed to reconcile. */
    public int pass() {
        int failed = 0;
        failed += each(rows.staleIssuing(Instant.now().minusSeconds(staleAfterSeconds())), issuer::cleanUp);
        failed += each(rows.orphaned(), k -> issuer.revoke(k, ACTOR, false));
        failed += each(rows.tenantsWithoutKeys(settings.litellmDefaultMonthlyBudgetUsd(), 200), t -> issuer.issue(t, ACTOR));
        List<TenantKey> active = rows.active();
        failed += each(active, k -> rows.tenant(k.tenant, settings.litellmDefaultMonthlyBudgetUsd())
                .filter(t -> !t.matches(k)).ifPresent(t -> issuer.retarget(k, t, ACTOR)));
        return failed;
    }

    /** An issuance still in flight takes at most its LiteLLM and Kubernetes calls; older ones died. */
    long staleAfterSeconds() {
        return settings.reconcileGraceSeconds() + 3L * settings.litellmTimeoutMs() / 1000 + 3L * settings.kubeTimeoutMs() / 1000 + 5;
    }

    private <T> int each(List<T> items, Consumer<T> action) {
        int failed = 0;
        for (T item : items) {
            try {
                action.accept(item);
            } catch (RuntimeException e) {
                failed++;
                ApiException api = UnexpectedExceptionMapper.classify(e);
                LOG.warning(() -> "LiteLLM key reconcile step failed (" + (api != null ? api.code() : e.getClass().getSimpleName())
                        + "); the next pass retries");
            }
        }
        return failed;
    }
}
