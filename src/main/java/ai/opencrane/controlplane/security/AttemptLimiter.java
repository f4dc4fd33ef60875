package ai.opencrane.controlplane.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed authentication attempts per client address in fixed windows. Once an address reaches the limit,
 * every further attempt from it is refused until its window ends, whatever it presents, so a guesser learns
 * nothing more. Memory is bounded: past {@code maxAddresses} expired windows are dropped, and if that is not
 * enough the table starts afresh (failing open for a moment rather than growing without limit).
 */
final class AttemptLimiter {

    private final int limit;
    private final long windowNanos;
    private final int maxAddresses;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    AttemptLimiter(int limit, long windowSeconds, int maxAddresses, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = windowSeconds * 1_000_000_000L;
        this.maxAddresses = maxAddresses;
        this.nanoClock = nanoClock;
    }

    /** Seconds until the address may try again, or 0 when it may try now. */
    long blockedForSeconds(String address) {
        Window w = windows.get(address);
        long now = nanoClock.getAsLong();
        if (w == null || w.count < limit || now - w.start >= windowNanos) {
            return 0;
        }
        return Math.max(1, (w.start + windowNanos - now + 999_999_999L) / 1_000_000_000L);
    }

    /** Records one failure; true when this failure is the one that reached the limit. */
    boolean failed(String address) {
        long now = nanoClock.getAsLong();
        if (windows.size() >= maxAddresses && !windows.containsKey(address)) {
            windows.values().removeIf(w -> now - w.start >= windowNanos);
            if (windows.size() >= maxAddresses) {
                windows.clear();
            }
        }
        Window w = windows.compute(address, (k, old) -> old == null || now - old.start >= windowNanos
                ? new Window(now, 1) : new Window(old.start, old.count + 1));
        return w.count == limit;
    }

    private record Window(long start, int count) {
    }
}
