package ai.opencrane.controlplane.kube;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

import io.kubernetes.client.openapi.apis.CustomObjectsApi;

import ai.opencrane.controlplane.platform.Tx;

/**
 * Keeps one kind's projection following the cluster: list everything (level-triggered: every row is
 * compared with its resource, rows of resources that vanished are removed), then watch from the list's
 * resourceVersion and apply each event. A watch that ends is resumed from the last version seen; a 410
 * Gone (history compacted) or any failure leads to a fresh list, with backoff, so no change is missed.
 */
public final class ProjectionWatch implements Runnable {

    private static final Logger LOG = Logger.getLogger(ProjectionWatch.class.getName());
    private static final int PAGE = 500;
    private static final int LOGGED_NAMES = 20;

    private final Projection projection;
    private final CustomResources resources;
    private final KubeClients clients;
    private final Tx tx;
    private final Echoes echoes;
    private volatile boolean running = true;
    private volatile Call current;
    private volatile long lastEventAt = System.currentTimeMillis();

    public ProjectionWatch(Projection projection, CustomResources resources, KubeClients clients, Tx tx,
                           Echoes echoes) {
        this.projection = projection;
        this.resources = resources;
        this.clients = clients;
        this.tx = tx;
        this.echoes = echoes;
    }

    @Override
    public void run() {
        echoes.watching(projection.plural(), true);
        try {
            follow();
        } finally {
            echoes.watching(projection.plural(), false);
        }
    }

    private void follow() {
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
        Call call = current;
        if (call != null) {
            call.cancel();
        }
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    /**
     * Lists and applies page by page (one transaction each), then removes the rows of vanished resources. The
     * list's version is its first page's: Kubernetes serves every page of a list at that version, while a
     * server that pages over live data reports a later one on each page, and a resource created meanwhile on a
     * page already read would look vanished at it. Bounded by the first page, the sweep only removes rows older
     * than the listing, and the watch that follows replays what changed during it.
     */
    private String relist() {
        Set<String> names = new HashSet<>();
        String token = null;
        String version = null;
        do {
            CustomResources.Listing page = resources.list(projection.plural(), token, PAGE);
            tx.run(() -> {
                for (JsonObject item : page.items()) {
                    names.add(Objects.name(item));
                    projection.apply(item, false);
                }
            });
            if (version == null) {
                version = page.resourceVersion();
            }
            token = page.next();
        } while (token != null);
        Long listed = Objects.rvNumber(version);
        Set<String> gone = tx.call(() -> projection.removeVanished(names, listed));
        if (!gone.isEmpty()) {
            LOG.info(() -> projection.kind() + " resources deleted while unwatched, rows removed: " + gone.size() + " "
                    + gone.stream().sorted().limit(LOGGED_NAMES).toList() + (gone.size() > LOGGED_NAMES ? " and more" : ""));
        }
        return version;
    }

    /**
     * Watches until the stream ends; returns the version to resume from, or null to list again. Each event is
     * one line of JSON, read straight into JSON-P.
     */
    private String watchFrom(String version) {
        String last = version;
        try {
            Call call = new CustomObjectsApi(clients.watch())
                    .listNamespacedCustomObject(CustomResources.GROUP, CustomResources.VERSION, clients.namespace(),
                            projection.plural())
                    .watch(true).resourceVersion(version).timeoutSeconds(300).allowWatchBookmarks(true)
                    .buildCall(null);
            current = call;
            if (!running) {
                return null;
            }
            try (Response response = call.execute()) {
                if (!response.isSuccessful()) {
                    throw CustomResources.failure(response, response.body().string());
                }
                BufferedSource lines = response.body().source();
                for (String line = lines.readUtf8Line(); line != null && running; line = lines.readUtf8Line()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonObject event = CustomResources.parse(line).asJsonObject();
                    String type = event.getString("type", "");
                    JsonObject object = event.getJsonObject("object");
                    if ("ERROR".equals(type)) {
                        int code = object == null ? 0 : object.getInt("code", 0);
                        LOG.info(() -> projection.kind() + " watch answered " + (code == 410 ? "410 Gone"
                                : "an error (" + code + ")") + "; listing again");
                        return null;
                    }
                    last = Objects.resourceVersion(object);
                    lastEventAt = System.currentTimeMillis();
                    switch (type) {
                        case "ADDED", "MODIFIED" -> {
                            if (!echoes.isEcho(projection.plural(), object)) {
                                tx.run(() -> projection.apply(object, false));
                            }
                        }
                        case "DELETED" -> tx.run(() -> projection.remove(Objects.name(object),
                                Objects.rvNumber(Objects.resourceVersion(object))));
                        default -> { }
                    }
                }
            }
            return running ? last : null;
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
