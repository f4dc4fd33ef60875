package ai.opencrane.controlplane.kube;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import com.google.gson.reflect.TypeToken;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.Watch;

import ai.opencrane.controlplane.platform.Tx;

/**
 * Keeps one kind's projection following the cluster: list everything (level-triggered: every row is
 * compared with its resource, rows of resources that vanished are removed), then watch from the list's
 * resourceVersion and apply each event. A watch that ends is resumed from the last version seen; a 410
 * Gone (history compacted) or any failure leads to a fresh list, with backoff, so no change is missed.
 */
public final class ProjectionWatch implements Runnable {

    private static final Logger LOG = Logger.getLogger(ProjectionWatch.class.getName());
    private static final Type EVENT = new TypeToken<Watch.Response<Object>>() { }.getType();

    private final Projection projection;
    private final CustomResources resources;
    private final KubeClients clients;
    private final Tx tx;
    private volatile boolean running = true;
    private volatile Watch<Object> current;
    private volatile long lastEventAt = System.currentTimeMillis();

    public ProjectionWatch(Projection projection, CustomResources resources, KubeClients clients, Tx tx) {
        this.projection = projection;
        this.resources = resources;
        this.clients = clients;
        this.tx = tx;
    }

    @Override
    public void run() {
        long backoff = 500;
        while (running) {
            try {
                String version = relist();
                backoff = 500;
                while (running && version != null) {
                    version = watchFrom(version);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warning(() -> projection.kind() + " watch interrupted (" + e.getClass().getSimpleName()
                        + "); listing again");
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** Stops the loop and closes the open watch. */
    public void stop() {
        running = false;
        Watch<Object> w = current;
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    private String relist() {
        CustomResources.Listing all = resources.listAll(projection.plural());
        Set<String> names = new HashSet<>();
        tx.run(() -> {
            for (JsonObject item : all.items()) {
                names.add(Objects.name(item));
                projection.apply(item, false);
            }
            Set<String> gone = projection.removeVanished(names, Objects.rvNumber(all.resourceVersion()));
            if (!gone.isEmpty()) {
                LOG.info(() -> projection.kind() + " resources deleted while unwatched, rows removed: " + gone);
            }
        });
        return all.resourceVersion();
    }

    /** Watches until the stream ends; returns the version to resume from, or null to list again. */
    private String watchFrom(String version) {
        ApiClient client = clients.watch();
        String last = version;
        try (Watch<Object> watch = Watch.createWatch(client, new CustomObjectsApi(client)
                .listNamespacedCustomObject(CustomResources.GROUP, CustomResources.VERSION, clients.namespace(),
                        projection.plural())
                .watch(true).resourceVersion(version).timeoutSeconds(300).allowWatchBookmarks(true)
                .buildCall(null), EVENT)) {
            current = watch;
            for (Watch.Response<Object> event : watch) {
                if (!running) {
                    return null;
                }
                if ("ERROR".equals(event.type)) {
                    int code = event.status != null && event.status.getCode() != null ? event.status.getCode() : 0;
                    LOG.info(() -> projection.kind() + " watch answered " + (code == 410 ? "410 Gone" : "an error ("
                            + code + ")") + "; listing again");
                    return null;
                }
                JsonObject object = CustomResources.parse(client.getJSON().serialize(event.object)).asJsonObject();
                last = Objects.resourceVersion(object);
                lastEventAt = System.currentTimeMillis();
                switch (event.type) {
                    case "ADDED", "MODIFIED" -> tx.run(() -> projection.apply(object, false));
                    case "DELETED" -> tx.run(() -> projection.remove(Objects.name(object),
                            Objects.rvNumber(Objects.resourceVersion(object))));
                    default -> { }
                }
            }
            return last;
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw CustomResources.failure(e);
        } catch (IOException e) {
            throw new KubeException(0, null, "watch closed", false);
        } finally {
            current = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
