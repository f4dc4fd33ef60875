package ai.opencrane.controlplane.kube;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * The watch's events of this replica's own writes. A write projects the resource Kubernetes answered with in
 * its own transaction, so the watch's event at that version changes nothing, yet applying it costs a
 * transaction per write. The event may come before Kubernetes' answer reaches the write, so the watch first
 * waits (briefly) for this replica's writes of the same name to end, then skips the event when a write
 * already projected its version or a newer one. Skipping only ever skips a no-op: rows are ordered by
 * resourceVersion. Only kinds watched on this replica are recorded, so nothing builds up on the others.
 */
@ApplicationScoped
public class Echoes {

    static final int MAX = 10_000;

    private final long waitNanos;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Map<String, Slot> slots = new HashMap<>(); // guarded by this

    public Echoes() {
        this(TimeUnit.SECONDS.toNanos(2));
    }

    Echoes(long waitNanos) {
        this.waitNanos = waitNanos;
    }

    /** One name's writes in progress on this replica, and the newest version they projected (0: none). */
    private static final class Slot {
        int writing;
        long projected;
    }

    /** A write in progress; {@link #end} must be called once, whatever happens. */
    public interface Write {
        /** Ends the write; {@code projected} is the resource its transaction projected, null when it failed. */
        void end(JsonObject projected);
    }

    /** The watch of {@code plural} runs on this replica (or stopped). */
    void watching(String plural, boolean running) {
        if (running) {
            watched.add(plural);
        } else {
            watched.remove(plural);
            synchronized (this) {
                slots.keySet().removeIf(k -> k.startsWith(key(plural, "")));
            }
        }
    }

    /** Starts a write of {@code name}: until it ends the watch holds back events of that name. */
    Write writing(String plural, String name) {
        if (!watched.contains(plural)) {
            return projected -> { };
        }
        String key = key(plural, name);
        synchronized (this) {
            if (slots.size() >= MAX) {
                slots.values().removeIf(s -> s.writing == 0);
            }
            slots.computeIfAbsent(key, k -> new Slot()).writing++;
        }
        return projected -> ended(key, projected);
    }

    private synchronized void ended(String key, JsonObject projected) {
        Slot s = slots.get(key);
        if (s == null) { // the watch stopped meanwhile
            return;
        }
        Long version = projected == null ? null : Objects.rvNumber(Objects.resourceVersion(projected));
        if (version != null) {
            s.projected = Math.max(s.projected, version);
        }
        if (--s.writing == 0 && s.projected == 0) {
            slots.remove(key);
        }
        notifyAll();
    }

    /**
     * For the watch: true when this replica already projected {@code resource} at its version or a newer one.
     * Waits (two seconds at most) for this replica's writes of the name to end first.
     */
    synchronized boolean isEcho(String plural, JsonObject resource) {
        Long version = Objects.rvNumber(Objects.resourceVersion(resource));
        String key = key(plural, Objects.name(resource));
        long deadline = System.nanoTime() + waitNanos;
        Slot s = slots.get(key);
        while (s != null && s.writing > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            s = slots.get(key);
        }
        if (s == null || version == null) {
            return false;
        }
        if (version >= s.projected) { // events of a name come in version order: no older one follows
            slots.remove(key);
        }
        return version <= s.projected;
    }

    private static String key(String plural, String name) {
        return plural + '/' + name;
    }
}
