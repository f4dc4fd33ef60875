package ai.opencrane.controlplane.litellmkey;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.UnexpectedExceptionMapper;
import ai.opencrane.controlplane.litellm.LiteLlmClient;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.tenant.TenantChanged;

/**
 * Follows tenant changes: a created tenant gets its key at once, a changed tenant gets its budget pushed (or a
 * fresh key when its last one was revoked), a deleted tenant's key is revoked. The tenant change has already
 * been committed, so nothing here may fail it: a failure is logged and the leader's {@link KeyReconciler}
 * catches up (keys for tenants that never had one, budgets, revocations of deleted tenants).
 */
@ApplicationScoped
public class KeyLifecycle {

    private static final Logger LOG = Logger.getLogger(KeyLifecycle.class.getName());

    @Inject
    KeyRows rows;

    @Inject
    KeyIssuer issuer;

    @Inject
    LiteLlmClient litellm;

    @Inject
    Settings settings;

    void onTenantChanged(@Observes TenantChanged change) {
        if (!litellm.configured()) {
            return;
        }
        try {
            if (change.kind() == TenantChanged.Kind.DELETED) {
                rows.live(change.name()).filter(TenantKey::active).ifPresent(k -> issuer.revoke(k, null, false));
            } else {
                ensure(KeyTarget.of(change.resource(), settings.litellmDefaultMonthlyBudgetUsd()), null);
            }
        } catch (RuntimeException e) {
            ApiException api = UnexpectedExceptionMapper.classify(e);
            LOG.warning(() -> "LiteLLM key of tenant " + change.name() + " not brought up to date after " + change.kind()
                    + " (" + (api != null ? api.code() : e.getClass().getSimpleName()) + "); the reconciler retries");
        }
    }

    /** Issues a key when the tenant has no live one, else brings the active key to the target. */
    void ensure(KeyTarget target, String actor) {
        Optional<TenantKey> live = rows.live(target.tenant());
        if (live.isEmpty()) {
            issuer.issue(target, actor);
        } else if (live.get().active() && !target.matches(live.get())) {
            issuer.retarget(live.get(), target, actor);
        }
    }
}
