package ai.opencrane.controlplane.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import ai.opencrane.controlplane.kube.CustomResources;
import ai.opencrane.controlplane.kube.Echoes;
import ai.opencrane.controlplane.kube.KubeClients;
import ai.opencrane.controlplane.kube.Projection;
import ai.opencrane.controlplane.kube.ProjectionWatch;
import ai.opencrane.controlplane.platform.Settings;
import ai.opencrane.controlplane.platform.Tx;
import ai.opencrane.controlplane.policy.PolicyProjection;
import ai.opencrane.controlplane.tenant.TenantProjection;

/**
 * The leader's background work: every few seconds each replica checks the leader lock; the leader runs
 * one watch per projected kind and the scheduled {@link Reconciler}, and stops the watches the moment it
 * loses the lock or shuts down (releasing the lock, so another replica takes over at once).
 */
@ApplicationScoped
public class Background {

    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Leadership leadership;

    @Inject
    Settings settings;

    @Inject
    KubeClients clients;

    @Inject
    CustomResources resources;

    @Inject
    Tx tx;

    @Inject
    Echoes echoes;

    @Inject
    Reconciler reconciler;

    @Inject
    TenantProjection tenants;

    @Inject
    PolicyProjection policies;

    private final List<ProjectionWatch> watches = new ArrayList<>();
    private ScheduledFuture<?> leaderCheck;
    private ScheduledFuture<?> reconcile;

    public List<Projection> projections() {
        return List.of(tenants, policies);
    }

    public synchronized void start() {
        if (!clients.configured()) {
            LOG.info("no Kubernetes cluster configured: no watch, no reconciler");
            return;
        }
        leaderCheck = scheduler.scheduleWithFixedDelay(this::tick, 0, 5, TimeUnit.SECONDS);
        int interval = settings.reconcileIntervalSeconds();
        reconcile = scheduler.scheduleWithFixedDelay(() -> {
            if (leadership.isLeader()) {
                reconciler.pass(projections());
            }
        }, interval, interval, TimeUnit.SECONDS);
    }

    private synchronized void tick() {
        boolean leads = leadership.check();
        if (leads && watches.isEmpty() && settings.kubeWatch()) {
            for (Projection p : projections()) {
                ProjectionWatch w = new ProjectionWatch(p, resources, clients, tx, echoes);
                watches.add(w);
                threads.newThread(w).start();
            }
        } else if (!leads && !watches.isEmpty()) {
            stopWatches();
        }
    }

    private void stopWatches() {
        watches.forEach(ProjectionWatch::stop);
        watches.clear();
    }

    @PreDestroy
    synchronized void stop() {
        if (leaderCheck != null) {
            leaderCheck.cancel(false);
            reconcile.cancel(false);
        }
        stopWatches();
        leadership.release();
    }
}
