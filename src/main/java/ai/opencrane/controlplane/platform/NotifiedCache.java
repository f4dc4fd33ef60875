package ai.opencrane.controlplane.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A replica-local cache of rows that PostgreSQL tells every replica about: a trigger NOTIFYs {@link #channel()}
 * on every change, {@link NotificationListener} LISTENs and empties the cache when told. The cache may never
 * answer with a row older than a committed change the caller could have seen; how that holds:
 * <ul>
 * <li><b>Same replica:</b> the writer empties the cache when its transaction has ended and before it answers
 * ({@link #invalidateAfter}), so the very next request reads the row again.</li>
 * <li><b>Other replicas:</b> PostgreSQL sends the notification on commit; until it arrives (on a LAN well under
 * a millisecond) another replica can still answer with the previous row.</li>
 * <li><b>Listener trouble:</b> the cache is trusted only while the listener is connected and its last heartbeat
 * (a query on that connection, answered after any notification sent before it) is younger than
 * {@link #TRUST_WINDOW_NANOS}. Otherwise every request reads PostgreSQL and nothing is cached. Every (re)connect
 * starts from an empty cache, so a notification lost while disconnected cannot leave a stale entry.</li>
 * <li><b>Races:</b> an entry is only kept if no invalidation happened since its lookup began (a generation
 * counter, checked after the put), so a lookup that read the row just before a change cannot re-insert it.</li>
 * </ul>
 * Bounded: when full, it starts again from empty.
 */
public class NotifiedCache<V> {

    public static final long TRUST_WINDOW_NANOS = 2_000_000_000L;

    private final String channel;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile long aliveAt;

    protected NotifiedCache(String channel, int maxEntries, LongSupplier nanoClock) {
        this.channel = channel;
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The PostgreSQL notification channel whose messages empty this cache. */
    public String channel() {
        return channel;
    }

    /** True while invalidations are known to reach this replica. */
    public boolean trusted() {
        return listening && nanoClock.getAsLong() - aliveAt < TRUST_WINDOW_NANOS;
    }

    /** The cached value, or null when absent or when the cache is not trusted. */
    public V get(String key) {
        return trusted() ? entries.get(key) : null;
    }

    /** Read before looking a row up; pass to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** Caches a looked-up value unless the cache is untrusted or anything was invalidated since {@code generationBefore}. */
    public void put(String key, V value, long generationBefore) {
        if (!trusted()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, value);
        if (generation.get() != generationBefore) {
            entries.remove(key, value);
        }
    }

    /** Forgets everything: a change here, a notification from PostgreSQL, or a listener (re)connect. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /**
     * Empties the cache once the current transaction has ended, committed or not (once per transaction however
     * often it is called): a read that starts after that sees the change, and one that started before cannot cache
     * what it read (the generation moved).
     */
    public void invalidateAfter(TransactionSynchronizationRegistry transactions) {
        String key = NotifiedCache.class.getName() + ":" + channel;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidateAll();
            }
        });
    }

    /** The listener is subscribed as of now: start from an empty cache. */
    public void connected(long nanos) {
        invalidateAll();
        aliveAt = nanos;
        listening = true;
    }

    /** The listener's connection answered a heartbeat sent at {@code nanos}, after all notifications before it. */
    public void alive(long nanos) {
        aliveAt = nanos;
    }

    public void disconnected() {
        listening = false;
        invalidateAll();
    }

    public int size() {
        return entries.size();
    }
}
