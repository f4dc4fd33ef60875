package ai.opencrane.controlplane.budget;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import ai.opencrane.controlplane.api.ApiException;
import ai.opencrane.controlplane.api.UnexpectedExceptionMapper;
import ai.opencrane.controlplane.kube.KubeClients;
import ai.opencrane.controlplane.litellm.LiteLlmClient;
import ai.opencrane.controlplane.litellm.LiteLlmException;
import ai.opencrane.controlplane.litellmkey.KeyReconciler;
import ai.opencrane.controlplane.litellmkey.KeyService;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.reconcile.Leadership;
import ai.opencrane.controlplane.usage.BudgetAlerts;
import ai.opencrane.controlplane.usage.UsageSync;
import ai.opencrane.controlplane.usage.UsageTotals;

/**
 * The leader's LiteLLM pass, every {@code opencrane.litellm.sync-interval-seconds}: reconcile the tenants' keys
 * (when a cluster is configured), copy new spend logs into {@code token_usage}, then enforce the global budget by
 * blocking the tenants' keys while this month's spend is at or above it and unblocking them when it is not.
 * Steps fail independently; the next pass retries. Runs only when LiteLLM is configured.
 */
@ApplicationScoped
public class BudgetPass {

    private static final Logger LOG = Logger.getLogger(BudgetPass.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Settings settings;

    @Inject
    LiteLlmClient litellm;

    @Inject
    KubeClients kube;

    @Inject
    Leadership leadership;

    @Inject
    KeyReconciler keys;

    @Inject
    KeyService keyService;

    @Inject
    UsageSync usage;

    @Inject
    UsageTotals totals;

    @Inject
    BudgetService budgets;

    @Inject
    MetricRegistry metrics;

    private final AtomicLong lastSync = new AtomicLong();
    private ScheduledFuture<?> future;
    private Counter runs;
    private Counter errors;

    /** After {@code platform.Startup} (default observer priority) has migrated the schema. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class) Object ctx) {
        if (!litellm.configured()) {
            LOG.info("LiteLLM is not configured (LITELLM_ENDPOINT, LITELLM_MASTER_KEY): no key issuance, no usage sync");
            return;
        }
        runs = metrics.counter("opencrane_litellm_sync_runs_total");
        errors = metrics.counter("opencrane_litellm_sync_errors_total");
        metrics.gauge("opencrane_litellm_sync_last_success_timestamp_seconds", lastSync::get);
        int interval = settings.litellmSyncIntervalSeconds();
        future = scheduler.scheduleWithFixedDelay(this::tick, Math.min(interval, 5), interval, TimeUnit.SECONDS);
    }

    private void tick() {
        boolean leads = leadership.isLeader() || !kube.configured() && leadership.check();
        if (leads) {
            run();
        }
    }

    void run() {
        boolean ok = true;
        if (kube.configured()) {
            ok &= step("key reconcile", () -> {
                if (keys.pass() > 0) {
                    throw new IllegalStateException("some keys failed to reconcile");
                }
            });
        }
        ok &= step("usage sync", usage::sync);
        ok &= step("global budget", this::enforceGlobalBudget);
        runs.inc();
        if (ok) {
            lastSync.set(Instant.now().getEpochSecond());
        } else {
            errors.inc();
        }
    }

    private void enforceGlobalBudget() {
        String state = BudgetAlerts.state(budgets.globalLimit().value(), totals.thisMonth(), settings.budgetWarningThreshold());
        int changed = keyService.setAllBlocked(BudgetAlerts.EXCEEDED.equals(state), KeyReconciler.ACTOR);
        if (changed > 0) {
            LOG.info(() -> (BudgetAlerts.EXCEEDED.equals(state) ? "blocked " : "unblocked ") + changed
                    + " tenant keys (global AI budget " + state + ")");
        }
    }

    private boolean step(String name, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            ApiException api = UnexpectedExceptionMapper.classify(e);
            String why = e instanceof LiteLlmException l ? l.getMessage() : api != null ? api.code() : e.getClass().getSimpleName();
            LOG.warning(() -> "LiteLLM pass: " + name + " failed (" + why + "); the next pass retries");
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (future != null) {
            future.cancel(false);
        }
    }
}
